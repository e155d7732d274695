//! `bedrock-profiles catalog sync`, the built binary on the real AWS SDK, against a local HTTP/1.1 server that
//! answers as Amazon Bedrock does (`AWS_ENDPOINT_URL_BEDROCK`). The server answers from recorded bodies under
//! `tests/fixtures/sync/<set>/<region>/`, the region read from the request's SigV4 credential scope; every body
//! is checked against the vendored service model (`tests/service-models/bedrock.json`).

#[path = "sync/server.rs"]
mod server;
#[path = "sync/shapes.rs"]
mod shapes;

use bedrock_profiles::models::{self, account::AccountCatalog};
use serde_json::Value;
use server::{Reply, Seen, Server};
use shapes::check_shape;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_bedrock-profiles");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sync");
const SERVICE_MODEL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/service-models/bedrock.json"
);

/// The recorded answers: the first of `sets` that has the body for the request's region; `nextToken=page-N`
/// serves `inference-profiles-N.json`.
fn recorded(sets: &'static [&'static str]) -> impl Fn(&Seen) -> Reply + Send + Sync + 'static {
    move |req| {
        let name = match (req.method.as_str(), req.path.as_str()) {
            ("GET", "/foundation-models") => "foundation-models.json".to_owned(),
            ("GET", "/inference-profiles")
                if req.query.get("type").map(String::as_str) == Some("SYSTEM_DEFINED") =>
            {
                let page = req
                    .query
                    .get("nextToken")
                    .and_then(|t| t.strip_prefix("page-"))
                    .unwrap_or("1");
                format!("inference-profiles-{page}.json")
            }
            _ => return Reply::error(400, "ValidationException", "unexpected request"),
        };
        for set in sets {
            if let Ok(body) = fs::read_to_string(format!("{FIXTURES}/{set}/{}/{name}", req.region))
            {
                return Reply {
                    status: 200,
                    error_type: None,
                    body,
                };
            }
        }
        Reply::error(404, "ResourceNotFoundException", "no recorded answer")
    }
}

/// A directory for the file and a home without AWS configuration, so the user's own is never read.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temporary directory");
        fs::create_dir_all(dir.path().join("home")).expect("home");
        Sandbox { dir }
    }

    fn file(&self) -> PathBuf {
        self.dir.path().join("bedrock-catalog.toml")
    }

    fn read(&self) -> String {
        fs::read_to_string(self.file()).expect("the catalog file")
    }

    fn sync(&self, server: &Server, args: &[&str]) -> Output {
        let home = self.dir.path().join("home");
        Command::new(BIN)
            .args(["catalog", "sync"])
            .args(args)
            .current_dir(self.dir.path())
            .env_clear()
            .env("HOME", &home)
            .env("AWS_CONFIG_FILE", home.join("config"))
            .env("AWS_SHARED_CREDENTIALS_FILE", home.join("credentials"))
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_ENDPOINT_URL_BEDROCK", &server.url)
            .output()
            .expect("run bedrock-profiles")
    }

    /// The files of the directory but the home: a failed sync leaves no temporary file.
    fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.dir.path())
            .expect("read the directory")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != "home")
            .collect();
        names.sort();
        names
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const FIRST: &[&str] = &["first"];
const CHANGED: &[&str] = &["changed", "first"];
const BOTH: &[&str] = &["--region", "us-east-1", "--region", "eu-west-1"];

#[test]
fn sync_writes_the_expected_file() {
    let sandbox = Sandbox::new();
    let server = Server::start(recorded(FIRST));
    let o = sandbox.sync(&server, BOTH);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let text = sandbox.read();
    // `SYNC_FIXTURES=overwrite` refreshes the expected file (review its diff like code).
    if std::env::var_os("SYNC_FIXTURES").is_some_and(|v| v == "overwrite") {
        fs::write(format!("{FIXTURES}/expected.toml"), &text).expect("write expected.toml");
    }
    let expected = fs::read_to_string(format!("{FIXTURES}/expected.toml")).expect("expected.toml");
    assert_eq!(text, expected);
    let catalog = AccountCatalog::parse(&text).expect("the written file parses");
    assert_eq!(catalog.regions, ["eu-west-1", "us-east-1"]);
    // A model the crate's catalog does not know (made up: one released after the crate) is listed all the same.
    assert!(catalog.models.contains_key("acme.unreleased-text-v1:0"));
    assert!(
        models::CATALOG
            .iter()
            .all(|m| m.id != "acme.unreleased-text-v1:0")
    );
    // Models without text output are left out, and the profiles that route only to them.
    assert!(
        !text.contains("titan-embed") && !text.contains("stability."),
        "{text}"
    );
    // The second page of profiles was asked for, with the token of the first.
    let seen = server.seen();
    let profile_pages: Vec<(String, Option<String>)> = seen
        .iter()
        .filter(|s| s.path == "/inference-profiles")
        .map(|s| (s.region.clone(), s.query.get("nextToken").cloned()))
        .collect();
    assert_eq!(
        profile_pages,
        [
            ("eu-west-1".to_owned(), None),
            ("us-east-1".to_owned(), None),
            ("us-east-1".to_owned(), Some("page-2".to_owned())),
        ]
    );
    assert!(
        seen.iter()
            .filter(|s| s.path == "/inference-profiles")
            .all(|s| s.query.get("type").map(String::as_str) == Some("SYSTEM_DEFINED"))
    );
    let changes = stdout(&o);
    assert!(
        changes.contains("model acme.unreleased-text-v1:0 added in us-east-1\n"),
        "{changes}"
    );
    assert!(changes.contains(
        "profile global.anthropic.claude-sonnet-4-6 added (routes to ap-northeast-1, eu-north-1, eu-west-1, us-east-1, us-west-2)\n"
    ));
    assert_eq!(sandbox.entries(), ["bedrock-catalog.toml"]);
}

/// Adds a `max_output_tokens` by hand to the written file, as a user would; returns the edited text.
fn hand_edit(sandbox: &Sandbox) -> String {
    let edited = sandbox.read().replace(
        "name = \"Unreleased Text\"\n",
        "name = \"Unreleased Text\"\nmax_output_tokens = 8192\n",
    );
    fs::write(sandbox.file(), &edited).expect("hand edit");
    edited
}

#[test]
fn resync_keeps_hand_edits_and_prints_the_changes() {
    let sandbox = Sandbox::new();
    let first = Server::start(recorded(FIRST));
    assert_eq!(sandbox.sync(&first, BOTH).status.code(), Some(0));
    let edited = hand_edit(&sandbox);

    // The same answer: nothing to say, and the file keeps its hand edit (the regions come from the file).
    let again = sandbox.sync(&first, &[]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(stdout(&again), "no changes\n");
    assert_eq!(sandbox.read(), edited);

    let changed = Server::start(recorded(CHANGED));
    let o = sandbox.sync(&changed, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "\
model acme.unreleased-text-v1:0 removed from us-east-1
model anthropic.claude-3-5-sonnet-20240620-v1:0 in us-east-1: end of life moved from 2026-03-01 to 2026-04-01
model anthropic.claude-sonnet-4-6 went LEGACY in us-east-1 (legacy since 2026-06-01, public extended access from 2026-09-01, end of life 2026-12-01)
profile us.anthropic.claude-3-5-sonnet-20240620-v1:0 removed
profile us.anthropic.claude-sonnet-4-6 now routes to us-east-1, us-east-2, us-west-1, us-west-2 (was us-east-1, us-east-2, us-west-2)
"
    );
    let catalog = AccountCatalog::parse(&sandbox.read()).expect("parses");
    assert!(!catalog.models.contains_key("acme.unreleased-text-v1:0"));

    // A hand edit on a model still listed survives a changed answer too.
    let edited = sandbox.read().replace(
        "name = \"Claude Sonnet 4.6\"\n",
        "name = \"Claude Sonnet 4.6\"\nmax_output_tokens = 64000\n",
    );
    fs::write(sandbox.file(), &edited).expect("hand edit");
    let o = sandbox.sync(&first, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(sandbox.read().contains("max_output_tokens = 64000\n"));
}

#[test]
fn check_compares_without_writing() {
    let sandbox = Sandbox::new();
    let first = Server::start(recorded(FIRST));
    assert_eq!(sandbox.sync(&first, BOTH).status.code(), Some(0));
    // A hand edit is no difference.
    let edited = hand_edit(&sandbox);

    let same = sandbox.sync(&first, &["--check"]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert_eq!(stdout(&same), "no changes\n");

    let changed = Server::start(recorded(CHANGED));
    let differs = sandbox.sync(&changed, &["--check"]);
    assert_eq!(differs.status.code(), Some(1), "{}", stderr(&differs));
    assert!(
        stdout(&differs).contains("model acme.unreleased-text-v1:0 removed from us-east-1\n"),
        "{}",
        stdout(&differs)
    );
    assert!(stderr(&differs).contains("differs from what Amazon Bedrock lists"));
    assert_eq!(sandbox.read(), edited);
    assert_eq!(sandbox.entries(), ["bedrock-catalog.toml"]);

    // Nothing to compare with.
    let empty = Sandbox::new();
    let none = empty.sync(&first, &["--check", "--region", "us-east-1"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(
        stderr(&none).contains("does not exist"),
        "{}",
        stderr(&none)
    );
    assert!(empty.entries().is_empty());
}

#[test]
fn access_denied_names_the_operation_and_region_and_leaves_the_file() {
    let sandbox = Sandbox::new();
    let first = Server::start(recorded(FIRST));
    assert_eq!(sandbox.sync(&first, BOTH).status.code(), Some(0));
    let before = fs::read(sandbox.file()).expect("file");

    let body = fs::read_to_string(format!("{FIXTURES}/access-denied.json")).expect("fixture");
    let denied = Server::start(move |req| {
        if req.path == "/foundation-models" && req.region == "us-east-1" {
            Reply {
                status: 403,
                error_type: Some("AccessDeniedException"),
                body: body.clone(),
            }
        } else {
            recorded(FIRST)(req)
        }
    });
    let o = sandbox.sync(&denied, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: ListFoundationModels in us-east-1 failed: AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: bedrock:ListFoundationModels\n"
    );
    assert_eq!(stdout(&o), "");
    assert_eq!(fs::read(sandbox.file()).expect("file"), before);

    // Denied on the second page of profiles, after eu-west-1 answered in full: still nothing written.
    let late = Server::start(|req: &Seen| {
        if req.query.contains_key("nextToken") {
            Reply::error(403, "AccessDeniedException", "no more pages for you")
        } else {
            recorded(FIRST)(req)
        }
    });
    let o = sandbox.sync(&late, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: ListInferenceProfiles in us-east-1 failed: AccessDeniedException: no more pages for you\n"
    );
    assert_eq!(fs::read(sandbox.file()).expect("file"), before);
    assert_eq!(sandbox.entries(), ["bedrock-catalog.toml"]);
}

#[test]
fn a_malformed_file_is_refused_before_asking() {
    let sandbox = Sandbox::new();
    let text = "format = 1\nregions = [\"us-east-1\"]\n\n[models.\"x.y\"]\nprovider = 3\n";
    fs::write(sandbox.file(), text).expect("write");
    let server = Server::start(recorded(FIRST));
    let o = sandbox.sync(&server, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: bedrock-catalog.toml:5:12: models.\"x.y\".provider: `provider` must be a string, found an integer\n"
    );
    assert!(server.seen().is_empty());
    assert_eq!(sandbox.read(), text);
}

#[test]
fn a_device_as_the_file_is_refused_not_read() {
    let sandbox = Sandbox::new();
    let server = Server::start(recorded(FIRST));
    let o = sandbox.sync(&server, &["--region", "us-east-1", "--out", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: cannot read `/dev/zero`: it is not a regular file (a device, FIFO or socket is never read)\n"
    );
    assert!(server.seen().is_empty());
}

#[test]
fn no_region_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let server = Server::start(recorded(FIRST));
    let o = sandbox.sync(&server, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("error: no region to ask"),
        "{}",
        stderr(&o)
    );
    let bad = sandbox.sync(&server, &["--region", "US East"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(server.seen().is_empty());
}

fn service_model() -> Value {
    serde_json::from_str(&fs::read_to_string(SERVICE_MODEL).expect("bedrock.json")).expect("JSON")
}

fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("fixture directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            fixture_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn fixtures_follow_the_service_model() {
    let model = service_model();
    let mut files = Vec::new();
    fixture_files(Path::new(FIXTURES), &mut files);
    files.sort();
    assert!(files.len() >= 8, "{files:?}");
    let mut problems = Vec::new();
    for file in &files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let shape = if name.starts_with("foundation-models") {
            "ListFoundationModelsResponse"
        } else if name.starts_with("inference-profiles") {
            "ListInferenceProfilesResponse"
        } else if name == "access-denied.json" {
            "AccessDeniedException"
        } else {
            panic!("{}: which operation's body is it?", file.display());
        };
        let body: Value = serde_json::from_str(&fs::read_to_string(file).expect("read"))
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        check_shape(
            &model,
            shape,
            &body,
            &file.display().to_string(),
            &mut problems,
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The checker is no formality: a drifted body is caught.
#[test]
fn the_shape_checker_finds_drift() {
    let model = service_model();
    let body = serde_json::json!({
        "modelSummaries": [{
            "modelArn": "arn:aws:bedrock:us-east-1::foundation-model/a.b",
            "modelId": "a.b",
            "modelName": "A name longer than twenty characters",
            "outputModalities": ["TEXT", "VIDEO"],
            "modelLifecycle": { "status": "ACTIVE", "legacyTime": 1760000000 },
            "lifecycle": {}
        }, { "modelId": "c.d" }]
    });
    let mut problems = Vec::new();
    check_shape(
        &model,
        "ListFoundationModelsResponse",
        &body,
        "body",
        &mut problems,
    );
    let problems = problems.join("\n");
    for expected in [
        "body.modelSummaries[0].modelName: length 36 outside Some(1)..=Some(20) of BrandedName",
        "body.modelSummaries[0].outputModalities[1]: `VIDEO` is not one of ModelModality",
        "body.modelSummaries[0].modelLifecycle.legacyTime: Timestamp is an ISO 8601 timestamp, found 1760000000",
        "body.modelSummaries[0]: FoundationModelSummary has no member `lifecycle`",
        "body.modelSummaries[1]: FoundationModelSummary requires `modelArn`",
    ] {
        assert!(problems.contains(expected), "{expected}\n--\n{problems}");
    }
}
