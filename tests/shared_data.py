"""Where the tests find the project's shared data: ``shared/`` beside the repository.

CI lays a copy of ``shared/`` beside its clone; a developer's checkout has it beside the
main checkout, which for a git worktree is not the folder that holds the worktree.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_file(relative: str) -> Path | None:
    """``shared/<relative>`` beside the repository (or its main checkout), if it is there."""
    for checkout in (REPO, _main_checkout()):
        if checkout is not None and (checkout.parent / "shared" / relative).is_file():
            return checkout.parent / "shared" / relative
    return None


def _main_checkout() -> Path | None:
    """The main checkout when this is a git worktree (whose ``.git`` is a file naming its
    git directory, which in turn names the shared one in ``commondir``)."""
    dot_git = REPO / ".git"
    if not dot_git.is_file():
        return None
    git_dir = Path(dot_git.read_text("utf-8").removeprefix("gitdir:").strip())
    common = git_dir / "commondir"
    if not common.is_file():
        return None
    return (git_dir / common.read_text("utf-8").strip()).resolve().parent
