import os
import time

import pytest

from gonghui.core.files import WORK_FILE_MAX_AGE, work_file


@pytest.fixture
def folder(settings, tmp_path):
    settings.WORK_DIR = tmp_path / "work"
    return settings.WORK_DIR


def test_a_jobs_file_is_written_in_the_servers_own_folder_and_removed_after(folder):
    with work_file(".xlsx") as path:
        assert os.path.dirname(path) == str(folder)
        assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert not os.path.exists(path)


def test_the_file_goes_even_when_the_job_fails(folder):
    with pytest.raises(RuntimeError), work_file(".csv") as path:
        raise RuntimeError
    assert not os.path.exists(path)


def test_what_a_killed_job_left_is_cleared_by_the_next_one(folder):
    folder.mkdir()
    left, recent = folder / "left.xlsx", folder / "running.xlsx"
    left.write_bytes(b"110105199001011234")
    recent.write_bytes(b"")
    old = time.time() - WORK_FILE_MAX_AGE - 60
    os.utime(left, (old, old))
    with work_file(".xlsx"):
        pass
    assert not left.exists()
    assert recent.exists()  # another job may still be writing it
