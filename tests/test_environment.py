"""The pip path (pyproject.toml) and the conda route (environment.yml) pin the same packages."""
import re
import tomllib

import yaml

from helpers import paths


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + [d for ds in project["optional-dependencies"].values() for d in ds]
    pins = {}
    for spec in specs:
        name, sep, version = spec.partition("==")
        assert sep, f"pyproject.toml: {spec!r} is not pinned with =="
        pins[canonical(name)] = version
    return pins


def environment_pins() -> tuple[dict[str, str], str]:
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text())
    pins, python = {}, None
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for spec in dep["pip"]:
                if spec.startswith("-e"):
                    continue
                name, sep, version = spec.partition("==")
                assert sep, f"environment.yml pip: {spec!r} is not pinned"
                pins[canonical(name)] = version
        elif dep == "pip":
            continue
        else:
            name, sep, version = dep.partition("=")
            assert sep, f"environment.yml: {dep!r} is not pinned"
            if name == "python":
                python = version
            else:
                pins[canonical(name)] = version.lstrip("=")
    return pins, python


def test_environment_yml_pins_the_same_packages_and_versions_as_pyproject():
    env, _ = environment_pins()
    pip = pyproject_pins()
    assert set(env) == set(pip), {"only in environment.yml": set(env) - set(pip),
                                  "only in pyproject.toml": set(pip) - set(env)}
    assert {k: v for k, v in env.items() if pip[k] != v} == {}


def test_both_routes_target_python_311():
    _, python = environment_pins()
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    assert python == "3.11"
    assert "3.11" in project["requires-python"]


def test_installed_versions_match_the_pins():
    from importlib.metadata import PackageNotFoundError, version

    wrong = {}
    for name, pinned in pyproject_pins().items():
        try:
            got = version(name)
        except PackageNotFoundError:
            got = None
        if got != pinned:
            wrong[name] = (pinned, got)
    assert wrong == {}, "installed versions differ from pyproject.toml pins (pinned, installed)"
