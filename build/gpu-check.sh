#!/usr/bin/env bash
# GPU-host check for Repro.
#
#   build/gpu-check.sh publish        # here (needs the .NET SDK): self-contained linux-x64 publish of `repro`
#                                     # with TorchBackend=external into artifacts/gpu/, packed as repro.tar.gz
#   build/gpu-check.sh run [OUT]      # on the GPU host (no .NET needed): libtorch from the host's PyTorch
#                                     # (torch/lib on LD_LIBRARY_PATH), then doctor, the CPU snapshot presets
#                                     # (cross-machine check), and the full q1-cnn / q2-resnet protocols on CUDA,
#                                     # twice each, compared with each other and with snapshots/*.cuda-*.verified.txt
#
# Everything the run prints and writes goes to OUT (default $OUT, else ./gpu-out).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pub="$root/artifacts/gpu/repro"

publish() {
  dotnet publish "$root/src/Repro.Cli/Repro.Cli.csproj" -c Release -r linux-x64 --self-contained true \
    -p:TorchBackend=external -p:ReproGlibcxxStep=always -p:PublishTrimmed=false -o "$pub"
  tar -C "$root/artifacts/gpu" -czf "$root/artifacts/gpu/repro.tar.gz" repro
  du -sh "$pub" "$root/artifacts/gpu/repro.tar.gz"
}

torch_lib() {
  if [ -n "${TORCH_LIB:-}" ]; then echo "$TORCH_LIB"; return; fi
  python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))'
}

run() {
  local out=${1:-${OUT:-./gpu-out}}
  mkdir -p "$out"
  local lib; lib=$(torch_lib)
  export LD_LIBRARY_PATH="$lib:${LD_LIBRARY_PATH:-}"
  [ -x "$pub/repro" ] || tar -C "$root/artifacts/gpu" -xzf "$root/artifacts/gpu/repro.tar.gz"   # carried packed
  local repro="$pub/repro"
  "$repro" doctor --device cuda --config | tee "$out/doctor.txt"

  # Cross-machine CPU check: the CPU presets pinned to 2 threads and AVX2 must give the snapshots verified here.
  for p in q1-cnn-smoke q1-cnn-fixed-smoke q2-resnet-smoke q2-resnet-fixed-smoke; do
    "$repro" train --preset "$p" --data "$root/data/mth416" --seed 42 --threads 2 --cpu-isa avx2 --out "$out/cpu" 2>"$out/cpu-$p.log"
    "$repro" snapshot --result "$out/cpu/$p-seed42.json" \
      --verify "$root/snapshots/StudyReproductionTests.Study_protocol_on_MTH416_$p.verified.txt" | tee -a "$out/cpu-check.txt" || true
  done

  # Full protocols on CUDA, twice each: same snapshot both times (deterministic cuDNN, CUBLAS_WORKSPACE_CONFIG).
  for p in q1-cnn q2-resnet; do
    for round in 1 2; do
      /usr/bin/time -f "%e s wall" "$repro" train --preset "$p" --data "$root/data/mth416" --device cuda --seed 42 \
        --out "$out/cuda-$round" 2>"$out/cuda-$p-$round.log" | tee "$out/cuda-$p-$round.txt"
      "$repro" snapshot --result "$out/cuda-$round/$p-seed42.json" > "$out/cuda-$p-$round.snapshot.txt"
    done
    if cmp -s "$out/cuda-$p-1.snapshot.txt" "$out/cuda-$p-2.snapshot.txt"; then echo "$p: two CUDA runs identical"; else echo "$p: CUDA runs DIFFER"; fi | tee -a "$out/cuda-check.txt"
  done
}

case "${1:-}" in
  publish) publish ;;
  run) shift; run "$@" ;;
  *) echo "usage: $0 publish | run [OUT]" >&2; exit 2 ;;
esac
