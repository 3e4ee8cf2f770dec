"""A read-only source install with its prebuilt index, shared by the system tests of one session."""

from __future__ import annotations

import pytest

from tests.system.installs import SOURCE_COMMAND, copy_source_install, run_bonemet, set_writable, source_env


@pytest.fixture(scope="session")
def readonly_install(tmp_path_factory):
    """The shipped packages plus build/index, as IT would install them, with write bits removed."""
    folder = copy_source_install(tmp_path_factory.mktemp("install"))
    profile = tmp_path_factory.mktemp("build-profile")
    env = source_env(folder, home=profile / "home", profile=profile)
    run_bonemet(
        SOURCE_COMMAND, ["index", "build", "--out", str(folder / "build" / "index")], env, cwd=profile
    )
    set_writable(folder, False)
    yield folder
    set_writable(folder, True)
