//! Keeping an issuer folder out of git: a private key or a ledger of CURPs must not be
//! committed by a `git add -A`.

use crate::i18n::{escaped, tr};
use sello_core::i18n::Arg;
use std::path::{Path, PathBuf};

/// A new issuer folder would be inside a git work tree, and git does not ignore it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr("git-work-tree", &[("dir", Arg::from(escaped(&dir.display().to_string()))), ("root", Arg::from(escaped(&root.display().to_string()))), ("entry", Arg::from(escaped(entry)))]))]
pub struct InsideGitWorkTree {
    /// The folder that was to be created.
    pub dir: PathBuf,
    /// The work tree's top folder (the one with `.git`).
    pub root: PathBuf,
    /// The line for the work tree's `.gitignore` that would keep the folder out.
    pub entry: String,
}

/// The git work tree `dir` would be inside: the nearest folder, `dir` itself or one of its
/// parents (made absolute from the current folder), that holds a `.git` folder or file.
pub fn work_tree_of(dir: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(dir).ok()?;
    absolute
        .ancestors()
        .find(|a| a.join(".git").exists())
        .map(Path::to_owned)
}

/// Fails when `dir` would be inside a git work tree that does not ignore it. Whether git
/// ignores it is asked of `git check-ignore` (every rule git itself applies); when git cannot
/// be run, the folder counts as not ignored.
pub fn check_not_in_work_tree(dir: &Path) -> Result<(), InsideGitWorkTree> {
    let Some(root) = work_tree_of(dir) else {
        return Ok(());
    };
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned());
    let relative = absolute.strip_prefix(&root).unwrap_or(&absolute).to_owned();
    let ignored = std::process::Command::new("git")
        .arg("-C")
        .arg(&root)
        .args(["check-ignore", "-q", "--no-index", "--"])
        // A trailing slash: a rule such as `cecati149/` matches a folder that does not exist yet.
        .arg(format!("{}/", relative.display()))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if ignored {
        return Ok(());
    }
    Err(InsideGitWorkTree {
        dir: dir.to_owned(),
        entry: format!("/{}/", relative.display().to_string().trim_end_matches('/')),
        root,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git(dir: &Path, args: &[&str]) -> bool {
        std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    #[test]
    fn a_folder_inside_a_work_tree_is_refused_unless_git_ignores_it() {
        let tmp = tempfile::tempdir().unwrap();
        let outside = tmp.path().join("fuera/cecati149");
        assert_eq!(check_not_in_work_tree(&outside), Ok(()));
        let repo = tmp.path().join("repo");
        std::fs::create_dir_all(&repo).unwrap();
        if !git(&repo, &["init", "-q"]) {
            // Without git, a `.git` folder still marks a work tree.
            std::fs::create_dir(repo.join(".git")).unwrap();
        }
        let inside = repo.join("emisores/cecati149");
        let err = check_not_in_work_tree(&inside).unwrap_err();
        assert_eq!(err.root, std::path::absolute(&repo).unwrap());
        assert_eq!(err.entry, "/emisores/cecati149/");
        let message = err.to_string();
        assert!(message.contains(".gitignore"), "{message}");
        assert!(message.contains("--force"), "{message}");
        assert!(message.contains("/emisores/cecati149/"), "{message}");
        if git(&repo, &["--version"]) {
            std::fs::write(repo.join(".gitignore"), "/emisores/cecati149/\n").unwrap();
            assert_eq!(check_not_in_work_tree(&inside), Ok(()));
            std::fs::write(repo.join(".gitignore"), "otra/\n").unwrap();
            assert!(check_not_in_work_tree(&inside).is_err());
        }
    }
}
