#!/usr/bin/env python3
"""Copies the CloudFormation schemas that tests/cloudformation_schema.rs checks the template against.

They come from cfn-lint (PyPI), pinned: its wheel carries the registry resource schemas of every region, as
content-addressed files (`providers/us-east-1.json` maps a resource type to `resources/<hash>.json`), and its own
schemas of a template's top level. The files are copied byte for byte; README.md beside this script says where
cfn-lint's copies differ from the CloudFormation registry's.

    python3 tests/cloudformation-schemas/extract.py     # needs pip and PyPI
"""
import glob, json, os, subprocess, sys, tempfile, zipfile

VERSION = "1.58.0"
REGION = "us-east-1"
RESOURCE_TYPES = {
    "AWS::Bedrock::Agent": "aws-bedrock-agent.json",
    "AWS::Bedrock::Prompt": "aws-bedrock-prompt.json",
    "AWS::Bedrock::ApplicationInferenceProfile": "aws-bedrock-applicationinferenceprofile.json",
}
# cfn-lint's schemas of the template's top level, of one entry of Resources and of Outputs.
TEMPLATE = {
    "other/template/configuration.json": "template/configuration.json",
    "other/template/description.json": "template/description.json",
    "other/resources/configuration.json": "template/resources.json",
    "other/outputs/configuration.json": "template/outputs.json",
}

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                        f"cfn-lint=={VERSION}"], check=True)
        wheel = glob.glob(os.path.join(tmp, "cfn_lint-*.whl"))[0]
        schemas = "cfnlint/data/schemas/"
        with zipfile.ZipFile(wheel) as z:
            providers = json.loads(z.read(f"{schemas}providers/{REGION}.json"))
            copies = {f"{schemas}resources/{providers[t]}.json": out for t, out in RESOURCE_TYPES.items()}
            copies.update({schemas + source: out for source, out in TEMPLATE.items()})
            for source, out in copies.items():
                path = os.path.join(here, out)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(z.read(source))
            print("schema_date", json.loads(z.read(f"{schemas}version.json"))["schema_date"])

if __name__ == "__main__":
    main()
