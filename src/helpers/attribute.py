"""Attribution of every stated figure: the public entry points of ``helpers.extract``.

Kept as a module of its own because notebooks, benchmarks and the panel step import it:
``extract_document(doc)`` (one document → rows, mentions) and ``extract_corpus(docs)``.
The grammar itself lives in the ``helpers.extract`` subpackage (see its docstring).
"""
from .extract import MENTION_COLUMNS, ROW_COLUMNS, extract_corpus, extract_document

__all__ = ["MENTION_COLUMNS", "ROW_COLUMNS", "extract_corpus", "extract_document"]
