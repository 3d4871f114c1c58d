"""The standalone kiosk (issue 10): bundle size, frozen start-up against a frozen floor, memory in long use.

    .venv/bin/python benchmarks/bundle_bench.py              # size + start-up; builds both bundles (~3 min)
    .venv/bin/python benchmarks/bundle_bench.py --dist dist   # … timing an existing dist/kiosk instead
    .venv/bin/python benchmarks/bundle_bench.py --soak 60     # RSS of the frozen kiosk in 60 min of use

Size: every file under dist/kiosk/ (MB = 10^6 bytes). Start-up: from spawning the frozen executable to its
first frameSwapped, against the floor: the smallest QML program showing 70 names, frozen by PyInstaller in the
same run with the same trimming (packaging/trim.py). Offscreen, software scene graph, medians of RUNS
interleaved runs (floor, kiosk, floor, …), the file cache warm for both (a first run of each is discarded).
Printed beside it: the CPU time each process had used when it printed its first frame (all its threads, from
/proc/PID/task/*/schedstat), which a loaded machine inflates far less than wall time, and the load average
before and after.
Soak: the frozen kiosk fullscreen in Xvfb 1920×1080 (software scene graph, as packaging/linux/kiosk@.service),
driven by xdotool: random taps and drags, a visitor walking away every ~200 actions so the idle reset and
attract mode run.
Goals: ≤ 140 MB, ≤ 1.6× the floor, ≤ 150 MiB resident at every sample of the soak, attract mode included (each
sample says whether the slideshow was running; the end shows where the resident set is, from smaps).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from startup_bench import BASELINE  # noqa: E402 — benchmarks/ is this script's folder

RUNS = int(os.environ.get("BENCH_RUNS", "11"))
SIZE_GOAL_MB, RATIO_GOAL, RSS_GOAL_MIB = 140, 1.6, 150

# The floor is the start-up benchmark's baseline program (70 names in a QML window), frozen the same way.
FLOOR = BASELINE

FLOOR_SPEC = r"""
import sys
sys.path.insert(0, {packaging!r})
import trim
a = Analysis([{script!r}], excludes=trim.EXCLUDES)
a.binaries = trim.needed_closure([b for b in a.binaries if not trim.dropped(b[0])])
a.binaries = trim.with_empty_icu_data(a.binaries, workpath)
a.datas = trim.without_dangling_links([d for d in a.datas if not trim.dropped(d[0])], a.binaries)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="floor", console=True, strip=True, upx=False)
COLLECT(exe, a.binaries, a.datas, strip=True, upx=False, name="floor")
"""


def pyinstaller(spec: Path, dist: Path, work: Path) -> None:
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(spec),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if r.returncode != 0:
        raise SystemExit(f"PyInstaller {spec.name} failed:\n{r.stderr[-3000:]}")


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def cpu_ms(pid: int) -> float:
    """CPU time the process's live threads have used so far (Linux schedstat, nanoseconds; 0 elsewhere)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):  # a thread that ended meanwhile
            continue
    return total / 1e6


def time_to_first_frame(cmd: list[str], env: dict) -> tuple[float, float]:
    """(ms from spawn to the "first frame" line on stderr, ms of CPU the process had used by then)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = cpu = None
    assert proc.stderr is not None
    for line in proc.stderr:
        if "first frame" in line and elapsed is None:
            elapsed = (time.perf_counter() - start) * 1000
            cpu = cpu_ms(proc.pid)  # the process waits for nothing now but its exit: a few ms late at most
    proc.wait(timeout=120)
    if proc.returncode != 0 or elapsed is None or cpu is None:
        raise SystemExit(f"{cmd[0]} failed (exit {proc.returncode})")
    return elapsed, cpu


def load_average() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def size_and_startup(dist: Path | None) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "floor.py").write_text(FLOOR, encoding="utf-8")
        (tmp / "floor.spec").write_text(
            FLOOR_SPEC.format(packaging=str(ROOT / "packaging"), script=str(tmp / "floor.py")), encoding="utf-8"
        )
        print("building the frozen floor" + ("" if dist else " and the kiosk") + " …", flush=True)
        pyinstaller(tmp / "floor.spec", tmp / "dist", tmp / "build")
        if dist is None:
            pyinstaller(ROOT / "packaging" / "kiosk.spec", tmp / "dist", tmp / "build")
            dist = tmp / "dist"
        kiosk_dir, floor_dir = dist / "kiosk", tmp / "dist" / "floor"
        kiosk_cmd = [str(kiosk_dir / "kiosk"), "--exit-after-first-frame", "--log-dir", str(tmp / "log")]
        floor_cmd = [str(floor_dir / "floor")]
        load_before = load_average()
        time_to_first_frame(floor_cmd, env)  # warm the file cache for both; not counted
        time_to_first_frame(kiosk_cmd, env)
        floor, kiosk = [], []
        for _ in range(RUNS):  # interleaved, so machine noise hits both alike
            floor.append(time_to_first_frame(floor_cmd, env))
            kiosk.append(time_to_first_frame(kiosk_cmd, env))
        size, floor_size = folder_mb(kiosk_dir), folder_mb(floor_dir)
    wall_f, wall_k = [w for w, _ in floor], [w for w, _ in kiosk]
    mf, mk = statistics.median(wall_f), statistics.median(wall_k)
    cf, ck = statistics.median(c for _, c in floor), statistics.median(c for _, c in kiosk)
    ok = size <= SIZE_GOAL_MB and mk <= RATIO_GOAL * mf
    print(f"bundle size: kiosk {size:.1f} MB (goal ≤ {SIZE_GOAL_MB}), the frozen floor {floor_size:.1f} MB")
    print(f"frozen start-up to first frame, median of {RUNS} interleaved runs (offscreen, software):")
    print(f"  floor (QML window, 70 names): {mf:6.0f} ms   [{min(wall_f):.0f}…{max(wall_f):.0f}]")
    print(f"  kiosk (home screen):          {mk:6.0f} ms   [{min(wall_k):.0f}…{max(wall_k):.0f}]")
    print(f"  kiosk / floor: {mk / mf:.2f}× (goal ≤ {RATIO_GOAL}×)")
    print(f"  CPU used to the first frame: floor {cf:.0f} ms, kiosk {ck:.0f} ms, {ck / cf:.2f}×")
    print(f"  {load_before} before, {load_average()} after (2 cores: above ~1 the wall times stretch)")
    return 0 if ok else 1


def rss_mib(pid: int) -> float:
    with Path(f"/proc/{pid}/status").open() as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def kiosk_state(log: Path) -> str:
    """The kiosk's state: "attract" while the slideshow runs (its log says when it starts and ends), else "in use"."""
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "?"
    return "attract" if text.rfind("attract starts") > text.rfind("attract ends") else "in use"


def breakdown(pid: int) -> str:
    """Where the resident set is, from /proc/PID/smaps: the C/C++ heap, anonymous maps (Python's arenas, image
    and other blocks of 256 KiB or more), the X server's shared backing store, mapped files (code, fonts)."""
    parts = {"heap": 0, "anonymous": 0, "X backing store": 0, "files": 0}
    name = ""
    with Path(f"/proc/{pid}/smaps").open() as f:
        for line in f:
            if "-" in line.split(" ", 1)[0]:
                fields = line.split(None, 5)
                name = fields[5].strip() if len(fields) > 5 else ""
            elif line.startswith("Rss:"):
                kb = int(line.split()[1])
                if name == "[heap]":
                    parts["heap"] += kb
                elif "xorg" in name:
                    parts["X backing store"] += kb
                elif name.startswith("/") and "(deleted)" not in name:
                    parts["files"] += kb
                else:
                    parts["anonymous"] += kb
    return ", ".join(f"{k} {v / 1024:.1f}" for k, v in parts.items()) + " MiB"


def soak(minutes: float, dist: Path) -> int:
    from tests.helpers.xsession import XSession, missing_tools

    missing = missing_tools()
    if missing:
        print(f"--soak needs {', '.join(missing)} (Debian: apt-get install xvfb xdotool)", file=sys.stderr)
        return 2
    exe = dist / "kiosk" / "kiosk"
    if not exe.exists():
        print(f"no {exe}: run `make dist` first", file=sys.stderr)
        return 2
    rnd = random.Random(1945)
    with tempfile.TemporaryDirectory() as tmp_name, XSession(1920, 1080) as x:
        tmp = Path(tmp_name)
        config = tmp / "kiosk.toml"  # short timeouts, so an hour holds many idle resets and attract runs
        config.write_text(
            "idle_timeout = 20\nidle_countdown = 5\nattract_timeout = 30\nslide_duration = 3\n", encoding="utf-8"
        )
        env = dict(x.env, QT_QUICK_BACKEND="software", XDG_STATE_HOME=str(tmp / "state"))
        proc = subprocess.Popen(
            [str(exe), "--config", str(config), "--log-dir", str(tmp / "log")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print(
            f"soak: frozen kiosk, Xvfb 1920×1080, software scene graph, {minutes:g} min; RSS every minute", flush=True
        )
        t0, next_sample, actions, samples, states = time.monotonic(), 0.0, 0, [], []
        try:
            while True:
                elapsed = (time.monotonic() - t0) / 60
                if proc.poll() is not None:
                    print(f"the kiosk exited with {proc.returncode} after {elapsed:.1f} min", flush=True)
                    return 1
                if elapsed >= next_sample:
                    samples.append(rss_mib(proc.pid))
                    state = kiosk_state(tmp / "log" / "kiosk.log")
                    states.append(state)
                    line = f"  minute {elapsed:5.1f}: RSS {samples[-1]:6.1f} MiB   {state:8s} actions {actions}"
                    print(line, flush=True)
                    next_sample += 1
                    if elapsed >= minutes:
                        break
                actions += 1
                if actions % 200 == 0:  # the visitor walks away: idle question, reset, attract mode
                    time.sleep(40)
                    continue
                px, py = rnd.randrange(40, 1880), rnd.randrange(120, 1040)  # not the staff corner
                if rnd.random() < 0.8:
                    x.xdotool("mousemove", str(px), str(py), "click", "1")
                else:
                    qx, qy = rnd.randrange(40, 1880), rnd.randrange(120, 1040)
                    x.xdotool(
                        "mousemove",
                        str(px),
                        str(py),
                        "mousedown",
                        "1",
                        "mousemove",
                        str((px + qx) // 2),
                        str((py + qy) // 2),
                        "mousemove",
                        str(qx),
                        str(qy),
                        "mouseup",
                        "1",
                    )
                time.sleep(rnd.choice((0.1, 0.3, 0.8)))
            print(f"  where it is at the end: {breakdown(proc.pid)}", flush=True)
        finally:
            proc.terminate()
            proc.wait(30)
    peak, last = max(samples), samples[-1]
    print(f"frozen kiosk RSS: {last:.1f} MiB after {minutes:g} min (peak {peak:.1f}; goal ≤ {RSS_GOAL_MIB} MiB)")
    for state in ("in use", "attract"):
        values = [v for v, s in zip(samples[1:], states[1:]) if s == state]  # minute 0 is the start
        if values:
            print(f"  {state}: {min(values):.1f}–{max(values):.1f} MiB over {len(values)} samples")
    return 0 if peak <= RSS_GOAL_MIB else 1


def main(argv: list[str]) -> int:
    dist = Path(argv[argv.index("--dist") + 1]).resolve() if "--dist" in argv else None
    if "--soak" in argv:
        return soak(float(argv[argv.index("--soak") + 1]), dist or ROOT / "dist")
    return size_and_startup(dist)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
