//! Privacy: the progress file, its answer history and their folder are private
//! (600/700), nothing is written anywhere but those two files (and the folders the
//! person names), and the app never opens a network connection.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_patient-tutor");

/// A sandbox: a home, the XDG folders, a temp folder and a working folder, all empty.
struct Sandbox {
    root: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let root = tempfile::tempdir().unwrap();
        for d in ["home", "data", "config", "cache", "state", "tmp", "cwd"] {
            std::fs::create_dir(root.path().join(d)).unwrap();
        }
        Sandbox { root }
    }

    fn path(&self, p: &str) -> PathBuf {
        self.root.path().join(p)
    }

    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(self.path("cwd"))
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("TMPDIR", self.path("tmp"))
            .env("NO_COLOR", "1")
            .env_remove("PATIENT_TUTOR_PROGRESS")
            .env_remove("PATIENT_TUTOR_CONTENT");
        cmd
    }

    fn run(&self, args: &[&str], stdin: &str) {
        use std::io::Write;
        let mut child = self
            .command(BIN)
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        child.wait().unwrap();
    }

    /// Every file and folder in the sandbox, relative, with its mode.
    fn contents(&self) -> Vec<(String, u32)> {
        let mut out = Vec::new();
        walk(self.root.path(), self.root.path(), &mut out);
        out.sort();
        out
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, u32)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        out.push((path.strip_prefix(root).unwrap().display().to_string(), meta.permissions().mode() & 0o777));
        if meta.is_dir() {
            walk(root, &path, out);
        }
    }
}

/// The plain commands that read or write progress, with answers for the quiz.
const COMMANDS: &[(&[&str], &str)] = &[
    (&["lessons"], ""),
    (&["read", "staging"], ""),
    (&["quiz", "staging", "--plain", "--seed", "3"], "1\n2\n1,2\nt\n1\n1\n1\n1\n"),
    (&["review", "--plain"], "1\n"),
    (&["progress"], ""),
    (&["define", "metastasis"], ""),
    (&["search", "bone"], ""),
    (&["sites"], ""),
    (&["symptom", "cough"], ""),
    (&["check"], ""),
];

fn folders() -> Vec<(String, u32)> {
    ["cache", "config", "cwd", "data", "home", "state", "tmp"].iter().map(|d| (d.to_string(), 0o700)).collect()
}

#[test]
fn with_progress_named_nothing_else_is_written() {
    let sandbox = Sandbox::new();
    for d in ["cache", "config", "cwd", "data", "home", "state", "tmp"] {
        std::fs::set_permissions(sandbox.path(d), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let progress = sandbox.path("mine/progress.toml");
    let progress = progress.to_str().unwrap();
    let mut expected = folders();
    // The folder did not exist: the app made it, private.
    expected.push(("mine".into(), 0o700));
    expected.push(("mine/progress.toml".into(), 0o600));
    expected.push(("mine/progress.history.jsonl".into(), 0o600));
    expected.sort();
    for (args, stdin) in COMMANDS {
        let mut with = vec!["--progress", progress];
        with.extend_from_slice(args);
        sandbox.run(&with, stdin);
        assert_only(&sandbox, &expected, args);
    }
    assert_eq!(sandbox.contents(), expected);
}

#[test]
fn by_default_only_the_data_folder_gets_the_progress_file() {
    let sandbox = Sandbox::new();
    for d in ["cache", "config", "cwd", "data", "home", "state", "tmp"] {
        std::fs::set_permissions(sandbox.path(d), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let mut expected = folders();
    expected.push(("data/patient-tutor".into(), 0o700));
    expected.push(("data/patient-tutor/progress.toml".into(), 0o600));
    expected.push(("data/patient-tutor/progress.history.jsonl".into(), 0o600));
    expected.sort();
    for (args, stdin) in COMMANDS {
        sandbox.run(args, stdin);
        assert_only(&sandbox, &expected, args);
    }
    assert_eq!(sandbox.contents(), expected);
}

/// After each command: nothing but the expected files, each with its expected mode.
fn assert_only(sandbox: &Sandbox, expected: &[(String, u32)], args: &[&str]) {
    for entry in sandbox.contents() {
        assert!(expected.contains(&entry), "after {args:?}: unexpected {entry:?} (mode {:o})", entry.1);
    }
}

#[test]
fn looser_modes_are_tightened_with_a_notice() {
    let sandbox = Sandbox::new();
    let folder = sandbox.path("data/patient-tutor");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("progress.toml"), "schema = 1\n").unwrap();
    let history = folder.join("progress.history.jsonl");
    std::fs::write(&history, "{\"at\":1,\"question\":\"q\",\"chosen\":[0],\"correct\":true}\n").unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(folder.join("progress.toml"), std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&history, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = sandbox.command(BIN).arg("progress").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("it is now private (700)") && err.contains("it is now private (600)"), "{err}");
    assert!(err.contains("progress.history.jsonl could be read by other users"), "{err}");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!((mode(&folder), mode(&folder.join("progress.toml")), mode(&history)), (0o700, 0o600, 0o600));
    // A folder the person named is theirs: only the file in it is tightened.
    let named = sandbox.path("shared");
    std::fs::create_dir(&named).unwrap();
    std::fs::set_permissions(&named, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(named.join("p.toml"), "schema = 1\n").unwrap();
    std::fs::set_permissions(named.join("p.toml"), std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = sandbox.command(BIN).arg("--progress").arg(named.join("p.toml")).arg("progress").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("now private (600)"));
    assert_eq!((mode(&named), mode(&named.join("p.toml"))), (0o755, 0o600));
}

/// Crates that speak to the network. None of them may be built into the app.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "isahc",
    "surf",
    "attohttpc",
    "minreq",
    "h2",
    "h3",
    "quinn",
    "rustls",
    "native-tls",
    "openssl",
    "tungstenite",
    "tokio",
    "async-std",
    "socket2",
    "trust-dns-resolver",
    "hickory-resolver",
];

#[test]
fn no_network_code_is_built_in() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Only the app's own dependency tree counts (dev-dependencies never reach the binary).
    let tree = Command::new(env!("CARGO"))
        .args(["tree", "--edges", "normal,build", "--prefix", "none", "--offline", "--quiet"])
        .current_dir(root)
        .output()
        .expect("cargo tree runs");
    assert!(tree.status.success(), "{}", String::from_utf8_lossy(&tree.stderr));
    let tree = String::from_utf8(tree.stdout).unwrap();
    for line in tree.lines() {
        let name = line.split_whitespace().next().unwrap_or("");
        assert!(!NETWORK_CRATES.contains(&name), "the app depends on the network crate {name}");
    }
    // And the app's own code uses no sockets.
    let mut sources = Vec::new();
    collect_rs(&root.join("src"), &mut sources);
    for file in sources {
        let text = std::fs::read_to_string(&file).unwrap();
        for word in ["std::net", "TcpStream", "UdpSocket", "TcpListener", "UnixStream"] {
            assert!(!text.contains(word), "{} uses {word}", file.display());
        }
    }
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// At run time: under strace, no command makes an internet socket. (CI installs
/// strace; on a machine without it this check says so and passes.)
#[test]
fn no_command_opens_a_network_socket() {
    if Command::new("strace").arg("-V").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI must install strace (see .ci/run)");
        eprintln!("strace is not installed: run-time network check skipped");
        return;
    }
    let sandbox = Sandbox::new();
    let log = sandbox.path("tmp/strace.log");
    for (args, stdin) in COMMANDS {
        use std::io::Write;
        let mut child = sandbox
            .command("strace")
            .args(["-f", "-qq", "-e", "trace=socket,connect,sendto", "-o"])
            .arg(&log)
            .arg(BIN)
            .args(*args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        assert!(child.wait().unwrap().code().is_some());
        let trace = std::fs::read_to_string(&log).unwrap_or_default();
        for line in trace.lines() {
            assert!(
                !(line.contains("AF_INET") || line.contains("AF_INET6") || line.contains("AF_PACKET")),
                "{args:?} opened a network socket: {line}"
            );
        }
    }
}
