#!/usr/bin/env python3
"""The CustomCnn training step of Repro's benchmarks (CustomCnnBenchmarks.TrainingStep), in PyTorch.

Same network (5 blocks Conv3x3-BN-ReLU-MaxPool, 3->32->64->128->256->512, GAP, Linear 512->128, ReLU,
Dropout 0.5, Linear 128->3, He init), same step (forward, focal loss gamma 2, backward,
clip_grad_norm_ 1.0, AdamW lr 3e-4 wd 1e-4), a resident synthetic batch. Prints images/s per config:
fp32 (NCHW), channels_last, channels_last + bf16 autocast.

  python3 benchmarks/pytorch_step.py --device cpu --threads 2 --batch 32 64 --size 224
  python3 benchmarks/pytorch_step.py --device cuda --batch 32 64 --size 224 --steps 50
  python3 benchmarks/pytorch_step.py --phases --batch 32 --size 64 224   # forward / backward / optimizer split
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def custom_cnn():
    layers, cin = [], 3
    for cout in (32, 64, 128, 256, 512):
        conv = nn.Conv2d(cin, cout, 3, padding=1, bias=True)
        nn.init.kaiming_normal_(conv.weight, mode="fan_out", nonlinearity="relu")
        nn.init.zeros_(conv.bias)
        layers += [conv, nn.BatchNorm2d(cout), nn.ReLU(inplace=True), nn.MaxPool2d(2, 2)]
        cin = cout
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten()]
    return nn.Sequential(*layers, nn.Linear(512, 128), nn.ReLU(inplace=True), nn.Dropout(0.5), nn.Linear(128, 3))


def focal_loss(logits, target, alpha, gamma=2.0):
    ce = F.cross_entropy(logits.float(), target, reduction="none")
    pt = torch.exp(-ce)
    return (alpha[target] * (1 - pt) ** gamma * ce).mean()


def run(config, device, batch, size, steps, warmup, phases=False):
    torch.manual_seed(42)
    model = custom_cnn().to(device)
    x = torch.randn(batch, 3, size, size, device=device)
    y = torch.randint(0, 3, (batch,), device=device)
    alpha = torch.tensor([1.0, 2.0, 2.0], device=device)
    if config in ("cl", "cl_bf16"):
        model = model.to(memory_format=torch.channels_last)
        x = x.contiguous(memory_format=torch.channels_last)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=1e-4)
    model.train()

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize()

    marks = []

    def mark():
        if phases:
            sync()
            marks.append(time.perf_counter())

    def step():
        mark()
        opt.zero_grad(set_to_none=False)
        if config == "cl_bf16":
            with torch.autocast(device_type=device.type, dtype=torch.bfloat16):
                logits = model(x)
        else:
            logits = model(x)
        mark()
        loss = focal_loss(logits, y, alpha)
        loss.backward()
        mark()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return loss

    for _ in range(warmup):
        step()
    sync()
    times, split = [], [0.0, 0.0, 0.0]
    for _ in range(steps):
        marks.clear()
        t0 = time.perf_counter()
        step().item()
        sync()
        t1 = time.perf_counter()
        times.append(t1 - t0)
        if phases:
            marks.append(t1)
            for k in range(3):
                split[k] += (marks[k + 1] - marks[k]) / steps
    mean = sum(times) / len(times)
    return batch / mean, batch / min(times), mean, split


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    p.add_argument("--threads", type=int, default=2, help="intra-op threads on CPU (default 2)")
    p.add_argument("--batch", type=int, nargs="+", default=[32, 64])
    p.add_argument("--size", type=int, nargs="+", default=[224])
    p.add_argument("--configs", nargs="+", default=["fp32", "cl", "cl_bf16"], choices=["fp32", "cl", "cl_bf16"])
    p.add_argument("--steps", type=int, default=5, help="timed steps per case")
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--phases", action="store_true", help="also print forward / backward / optimizer ms (device waited for between phases)")
    a = p.parse_args()
    device = torch.device(a.device)
    if device.type == "cpu":
        torch.set_num_threads(a.threads)
    else:
        torch.backends.cudnn.benchmark = True
    print(f"PyTorch {torch.__version__}, device {device}, threads {torch.get_num_threads()}, "
          f"steps {a.steps} (warmup {a.warmup})")
    extra = " forward ms | backward ms | optimizer ms |" if a.phases else ""
    print("| size | batch | config | img/s (mean) | img/s (best) | ms/step |" + extra)
    print("|---|---|---|---|---|---|" + ("---|---|---|" if a.phases else ""))
    for size in a.size:
        for batch in a.batch:
            for config in a.configs:
                mean_ips, best_ips, mean_s, split = run(config, device, batch, size, a.steps, a.warmup, a.phases)
                cols = "".join(f" {v * 1000:.1f} |" for v in split) if a.phases else ""
                print(f"| {size} | {batch} | {config} | {mean_ips:.1f} | {best_ips:.1f} | {mean_s * 1000:.1f} |{cols}", flush=True)


if __name__ == "__main__":
    main()
