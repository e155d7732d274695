#!/usr/bin/env python3
"""Writes the shapes of the AWS service models that the wire tests check request bodies against.

The models come from botocore (PyPI), pinned: the limits in shared/reference/bedrock-limits.md were read from this
version. Documentation strings are dropped; everything else of each shape is kept as AWS publishes it.

    python3 tests/service-models/extract.py     # needs pip and PyPI
"""
import glob, gzip, json, os, subprocess, sys, tempfile, zipfile

VERSION = "1.44.8"
SERVICES = ["bedrock-runtime", "bedrock-agent", "bedrock"]

def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k != "documentation"}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                        f"botocore=={VERSION}"], check=True)
        wheel = glob.glob(os.path.join(tmp, "botocore-*.whl"))[0]
        with zipfile.ZipFile(wheel) as z:
            for service in SERVICES:
                name = [n for n in z.namelist()
                        if n.startswith(f"botocore/data/{service}/") and n.endswith("service-2.json.gz")][0]
                model = json.loads(gzip.decompress(z.read(name)))
                out = {"botocore": VERSION, "apiVersion": model["metadata"]["apiVersion"],
                       "shapes": strip(model["shapes"])}
                with open(os.path.join(here, f"{service}.json"), "w") as f:
                    json.dump(out, f, indent=0, sort_keys=True)
                    f.write("\n")

if __name__ == "__main__":
    main()
