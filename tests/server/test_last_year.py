"""Last year's report in the editor: the server keeps one index of the workspace
folder's reports and updates it as files change, so GAI305 follows an edit of
last year's report without the user touching this year's."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_helpers import FIXTURES, open_doc, start, uri_of, wait_published

S004 = (FIXTURES / "004_2048e31d61a0010c.txt").read_text(encoding="utf-8")
NEXT = "\t\t四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0"
LAST = S004.replace(NEXT, "\t\t四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1")
THIS = S004.replace("2021", "2022")


def _codes(published) -> list[str]:
    return [d.code for d in published.diagnostics]


async def test_last_years_report_in_the_workspace_folder_is_compared(client: LanguageClient, tmp_path):
    await start(client, "visual-studio-code", root=tmp_path)
    (tmp_path / "2021").mkdir()
    (tmp_path / "2021" / "宜阳.txt").write_text(LAST, encoding="utf-8")
    this_year = tmp_path / "2022" / "宜阳.txt"
    this_year.parent.mkdir()
    this_year.write_text(THIS, encoding="utf-8")
    uri = uri_of(this_year)
    open_doc(client, uri, THIS)
    published = await wait_published(client, uri, 1)
    carry = [d for d in published.diagnostics if d.code == "GAI305"]
    assert len(carry) == 2 and "2021年报告" in carry[0].message and "宜阳.txt" in carry[0].message
    assert "GAI307" in _codes(published)  # this year's text is last year's

    # Last year's report corrected on disk (another program, a git pull): the
    # editor says so, and this year's diagnostics follow.
    (tmp_path / "2021" / "宜阳.txt").write_text(S004, encoding="utf-8")
    n = len(client.published)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uri_of(tmp_path / "2021" / "宜阳.txt"), type=types.FileChangeType.Changed)]
        )
    )
    again = await wait_published(client, uri, 1, after=n)
    assert "GAI305" not in _codes(again) and "GAI307" in _codes(again)

    # Deleted: nothing to compare with.
    (tmp_path / "2021" / "宜阳.txt").unlink()
    n = len(client.published)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uri_of(tmp_path / "2021" / "宜阳.txt"), type=types.FileChangeType.Deleted)]
        )
    )
    gone = await wait_published(client, uri, 1, after=n)
    assert "GAI307" not in _codes(gone)


async def test_an_open_unsaved_buffer_of_last_year_is_what_counts(client: LanguageClient, tmp_path):
    await start(client, "visual-studio-code", root=tmp_path)
    last, this = tmp_path / "2021.txt", tmp_path / "2022.txt"
    last.write_text(S004, encoding="utf-8")  # on disk: agrees with this year
    this.write_text(THIS, encoding="utf-8")
    open_doc(client, uri_of(last), LAST)  # in the editor: 1 carried over, not saved
    await wait_published(client, uri_of(last), 1)
    open_doc(client, uri_of(this), THIS)
    published = await wait_published(client, uri_of(this), 1)
    assert _codes(published).count("GAI305") == 2


async def test_the_server_registers_a_watcher_for_report_files(client: LanguageClient, tmp_path):
    await start(client, "visual-studio-code", root=tmp_path)
    open_doc(client, uri_of(tmp_path / "r.txt"), THIS)
    await wait_published(client, uri_of(tmp_path / "r.txt"), 1)
    globs = {
        w["globPattern"]
        for r in client.registrations  # type: ignore[attr-defined]
        if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        for w in r.register_options["watchers"]
    }
    assert {"**/*.txt", "**/*.md"} <= globs
