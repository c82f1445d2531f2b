#!/usr/bin/env python3
"""Seed sweeps of a training setting, scored on ANERcorp dev and on modern-dev.

    python3 training/sweep.py run NAME [--seeds 1000:1120:10] [--cv K] [--jobs J] [--bin PATH] [--keep 1] [-- TRAIN-FLAGS...]
    python3 training/sweep.py rescore SOURCE NAME [--bin PATH] [--jobs J]
    python3 training/sweep.py show NAME
    python3 training/sweep.py compare A B

`run` trains the setting (`alam train` with TRAIN-FLAGS, default `--lists
target/lexicons`) once per seed and scores each model with `alam eval --json`:
on ANERcorp dev (`../shared/data/anercorp/dev.txt`) and on the 40 marked
articles of `../shared/data/modern-dev/`, with recall split by names seen in
the model's training files. Without --cv the models train on ANERcorp's
train.txt alone. With --cv K the modern-dev articles are in training too,
cross-validated: article n is in fold (n - 1) % K, each fold's model trains on
train.txt and the other folds' articles and is scored on its own articles and
on ANERcorp dev; counts are pooled over the folds. Seeds default to 12, ten
apart (a model averages four perceptrons of consecutive seeds).

Results (counts per seed, model sizes) go to target/sweeps/NAME.json; with
--keep 1 the models stay in target/sweeps/NAME.models/, and `rescore` scores
them again with another binary (a rule after the model changed) as NAME. `show`
prints per-seed figures and means, `compare` paired deltas over the seeds both
settings have (mean ± standard error). Trainings run under nice, J at a time.
"""
import concurrent.futures as cf
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
TRAIN = os.path.join(DATA, "anercorp", "train.txt")
DEV = os.path.join(DATA, "anercorp", "dev.txt")
MODERN_DIR = os.path.join(DATA, "modern-dev")
OUT = os.path.join(ROOT, "target", "sweeps")
TYPES = ["PER", "LOC", "ORG", "MISC"]


def modern_articles():
    return sorted(os.path.join(MODERN_DIR, f) for f in os.listdir(MODERN_DIR) if re.fullmatch(r"\d\d\.txt", f))


def alam_eval(binary, model, seen, files):
    args = ["nice", "-n", "10", binary, "eval", "--json", "--model", model]
    for path in seen:
        args += ["--seen", path]
    out = subprocess.run(args + files, capture_output=True, check=True, text=True).stdout
    return json.loads(out)["extractor"]


def pooled(evaluations):
    total = {"by_type": {}, "seen": [0, 0], "unseen": [0, 0]}
    for e in evaluations:
        for label, c in e["by_type"].items():
            t = total["by_type"].setdefault(label, {"correct": 0, "found": 0, "gold": 0})
            for k in t:
                t[k] += c[k]
        for part in ("seen", "unseen"):
            total[part] = [a + b for a, b in zip(total[part], e[part])]
    return total


def train_and_score(job):
    """One model: trained (unless kept from an earlier run), scored, sized;
    deleted after unless it is to be kept."""
    with tempfile.TemporaryDirectory() as tmp:
        model = job.get("model") or os.path.join(tmp, "m.model")
        if not os.path.exists(model):
            args = ["nice", "-n", "10", job["bin"], "train", "--out", model, "--seed", str(job["seed"])] + job["flags"] + job["train"]
            subprocess.run(args, capture_output=True, check=True)
        seen = job["train"]
        anercorp = alam_eval(job["bin"], model, seen, [DEV])
        modern = alam_eval(job["bin"], model, seen, job["score"])
        size = len(gzip.compress(open(model, "rb").read(), 9))
    return {"seed": job["seed"], "fold": job["fold"], "anercorp": anercorp, "modern": modern, "gzip": size}


def run(argv):
    name, rest = argv[0], argv[1:]
    flags = ["--lists", os.path.join(ROOT, "target", "lexicons")]
    if "--" in rest:
        flags = rest[rest.index("--") + 1:]
        rest = rest[:rest.index("--")]
    options = {"--seeds": "1000:1120:10", "--cv": "0", "--jobs": "2", "--keep": "0", "--bin": os.path.join(ROOT, "target", "release", "alam")}
    for key, value in zip(rest[::2], rest[1::2]):
        if key not in options:
            sys.exit(f"unknown option {key}")
        options[key] = value
    start, stop, step = map(int, options["--seeds"].split(":"))
    os.makedirs(OUT, exist_ok=True)
    binary = os.path.join(OUT, f"{name}.bin")
    shutil.copy(options["--bin"], binary)
    articles, folds = modern_articles(), int(options["--cv"])
    jobs = []
    for seed in range(start, stop, step):
        if folds == 0:
            jobs.append({"seed": seed, "fold": None, "train": [TRAIN], "score": articles})
        for k in range(folds):
            held = [a for n, a in enumerate(articles) if n % folds == k]
            kept = [a for a in articles if a not in held]
            jobs.append({"seed": seed, "fold": k, "train": [TRAIN] + kept, "score": held})
    models = os.path.join(OUT, f"{name}.models")
    if options["--keep"] == "1":
        os.makedirs(models, exist_ok=True)
    for job in jobs:
        job.update(bin=binary, flags=flags)
        if options["--keep"] == "1":
            job["model"] = os.path.join(models, f"{job['seed']}-{job['fold']}.model")
    score(name, jobs, flags, folds, int(options["--jobs"]))


def rescore(argv):
    """The kept models of a run, scored with another binary."""
    source, name, rest = argv[0], argv[1], argv[2:]
    options = {"--jobs": "2", "--bin": os.path.join(ROOT, "target", "release", "alam")}
    for key, value in zip(rest[::2], rest[1::2]):
        if key not in options:
            sys.exit(f"unknown option {key}")
        options[key] = value
    record = load(source)
    binary = os.path.join(OUT, f"{name}.bin")
    shutil.copy(options["--bin"], binary)
    models = os.path.join(OUT, f"{source}.models")
    articles, folds = modern_articles(), record["cv"]
    jobs = []
    for model in sorted(os.listdir(models)):
        seed, fold = model[:-len(".model")].split("-")
        fold = None if fold == "None" else int(fold)
        held = articles if fold is None else [a for n, a in enumerate(articles) if n % folds == fold]
        train = [TRAIN] + [a for a in articles if a not in held] if fold is not None else [TRAIN]
        jobs.append({"seed": int(seed), "fold": fold, "train": train, "score": held, "bin": binary, "flags": record["flags"],
                     "model": os.path.join(models, model)})
    score(name, jobs, record["flags"], folds, int(options["--jobs"]))


def score(name, jobs, flags, folds, workers):
    """Runs the jobs and writes the record of NAME."""
    results = []
    with cf.ThreadPoolExecutor(workers) as pool:
        for done in pool.map(train_and_score, jobs):
            results.append(done)
            print(f"seed {done['seed']} fold {done['fold']}: done", file=sys.stderr)
    seeds = {}
    for r in results:
        s = seeds.setdefault(r["seed"], {"anercorp": [], "modern": [], "gzip": []})
        s["anercorp"].append(r["anercorp"])
        s["modern"].append(r["modern"])
        s["gzip"].append(r["gzip"])
    record = {"flags": flags, "cv": folds, "seeds": {str(seed): {"anercorp": pooled(s["anercorp"]), "modern": pooled(s["modern"]),
                                                                 "gzip": statistics.mean(s["gzip"])} for seed, s in seeds.items()}}
    with open(os.path.join(OUT, f"{name}.json"), "w") as f:
        json.dump(record, f)
    show([name])


def f1(c):
    p = c["correct"] / c["found"] if c["found"] else 0
    r = c["correct"] / c["gold"] if c["gold"] else 0
    return 100 * 2 * p * r / (p + r) if p + r else 0


def figures(seed_record):
    """The columns of one seed: ANERcorp and modern-dev F1 by type, recalls, size."""
    row = {}
    for part, prefix, types in (("anercorp", "A", TYPES), ("modern", "M", TYPES[:3])):
        e = seed_record[part]
        counts = [e["by_type"][t] for t in types if t in e["by_type"]]
        micro = {k: sum(c[k] for c in counts) for k in ("correct", "found", "gold")}
        row[f"{prefix}.micro"] = f1(micro)
        for t in types:
            if t in e["by_type"]:
                row[f"{prefix}.{t}"] = f1(e["by_type"][t])
        row[f"{prefix}.unseen"] = 100 * e["unseen"][0] / max(e["unseen"][1], 1)
    org = seed_record["modern"]["by_type"]["ORG"]
    row["M.ORG-recall"] = 100 * org["correct"] / max(org["gold"], 1)
    row["gzip KB"] = seed_record["gzip"] / 1000
    return row


def load(name):
    with open(os.path.join(OUT, f"{name}.json")) as f:
        return json.load(f)


def show(argv):
    record = load(argv[0])
    rows = {seed: figures(r) for seed, r in record["seeds"].items()}
    columns = list(next(iter(rows.values())).keys())
    print(f"{argv[0]}: {' '.join(record['flags'])}" + (f" (cv {record['cv']})" if record["cv"] else ""))
    print("seed  " + " ".join(f"{c:>12}" for c in columns))
    for seed, row in rows.items():
        print(f"{seed:<5} " + " ".join(f"{row[c]:>12.2f}" for c in columns))
    print("mean  " + " ".join(f"{statistics.mean(r[c] for r in rows.values()):>12.2f}" for c in columns))


def compare(argv):
    a, b = load(argv[0]), load(argv[1])
    common = [s for s in a["seeds"] if s in b["seeds"]]
    if not common:
        sys.exit("no seeds in common")
    rows_a = {s: figures(a["seeds"][s]) for s in common}
    rows_b = {s: figures(b["seeds"][s]) for s in common}
    print(f"{argv[1]} − {argv[0]} over {len(common)} seeds (mean ± standard error; B's mean)")
    for column in rows_a[common[0]]:
        deltas = [rows_b[s][column] - rows_a[s][column] for s in common]
        se = statistics.stdev(deltas) / len(deltas) ** 0.5 if len(deltas) > 1 else 0
        mean_b = statistics.mean(rows_b[s][column] for s in common)
        print(f"{column:>14} {statistics.mean(deltas):+8.2f} ± {se:5.2f}   ({mean_b:.2f})")


if __name__ == "__main__":
    commands = {"run": run, "rescore": rescore, "show": show, "compare": compare}
    if len(sys.argv) < 3 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2:])
