using Repro.Runtime;
using Repro.Training;

namespace Repro.Experiments;

/// <summary>How to run catalogue entries on this machine: where MTH416 is, the cache, the runtime, the device.</summary>
/// <param name="Mth416Directory">The vendored MTH416 folder (<c>data/mth416</c>).</param>
/// <param name="Runtime">Threads, CPU ISA, determinism (the tests pin 2 threads and AVX2).</param>
/// <param name="CacheDirectory">Decoded-data and feature cache; null = the default.</param>
/// <param name="Device">Device override (<c>cuda</c> for gpu entries); null = each preset's.</param>
/// <param name="DeviceClass">Device class in the snapshot names (<c>cuda-sm90</c>); null on a CPU.</param>
/// <param name="OutputDirectory">Where result files also go; null = none.</param>
/// <param name="Observer">Progress per run (label, then epochs); null = silent.</param>
public sealed record ExperimentContext(string Mth416Directory, RuntimeOptions Runtime, string? CacheDirectory = null,
    string? Device = null, string? DeviceClass = null, string? OutputDirectory = null,
    Func<string, ITrainingObserver?>? Observer = null);
