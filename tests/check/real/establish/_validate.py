"""Run every establish script and compare its verdicts with the truth files."""
import glob, json, os, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
real = os.path.dirname(here)
bad = 0
for tf in sorted(glob.glob(os.path.join(real, "*.truth.json"))):
    slug = os.path.basename(tf)[: -len(".truth.json")]
    truth = json.load(open(tf))
    want = {e["line"]: ("holds" if e["truth"] in ("holds", "holds-under") else "fails")
            for e in truth["equations"] if e["truth"] in ("holds", "holds-under", "fails")}
    script = os.path.join(here, slug + ".py")
    if not os.path.exists(script):
        print(f"{slug}: no establish script"); bad += 1; continue
    r = subprocess.run([sys.executable, script], capture_output=True, text=True, cwd=here)
    got = {int(m.group(1)): m.group(2) for m in re.finditer(r"^line (\d+): (holds|fails)$", r.stdout, re.M)}
    diff = {k: (want.get(k), got.get(k)) for k in set(want) | set(got) if want.get(k) != got.get(k)}
    status = "ok" if r.returncode == 0 and not diff else f"MISMATCH rc={r.returncode} {sorted(diff.items())}"
    if status != "ok": bad += 1
    print(f"{slug}: {len(want)} checked, {status}")
sys.exit(1 if bad else 0)
