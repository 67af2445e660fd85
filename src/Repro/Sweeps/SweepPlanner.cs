using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Repro.Data;
using Repro.IO;
using Repro.Training.Presets;

namespace Repro.Sweeps;

/// <summary>
/// Expands a <see cref="SweepRequest"/> into an ordered <see cref="SweepPlan"/>: presets, then folds, then seeds.
/// Folds come from the one patient-grouped fold assignment (<see cref="PatientFolds"/>, as <c>repro cv</c> uses it).
/// </summary>
public static class SweepPlanner
{
    /// <summary>
    /// The plan of <paramref name="request"/> for a sweep folder <paramref name="sweepDirectory"/> (paths in the
    /// plan are relative to it). Unknown presets, bad overrides and repeated entries are errors naming the input.
    /// </summary>
    public static SweepPlan Expand(SweepRequest request, string sweepDirectory)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Presets.Count == 0) throw new ArgumentException("a sweep needs at least one preset");
        if (request.Seeds.Count == 0) throw new ArgumentException("a sweep needs at least one seed");
        if (request.Threads < 1) throw new ArgumentException($"threads must be at least 1 (got {request.Threads})");
        if (request.DataDirectory is null && request.SyntheticScale is not (> 0 and <= 4))
            throw new ArgumentException($"synthetic scale must be within (0, 4] (got {request.SyntheticScale.ToString(CultureInfo.InvariantCulture)})");
        if (request.Folds is { } k) new FoldSpec(k, 0, request.FoldSeed).Validate();
        var folds = request.Folds is { } n ? Enumerable.Range(0, n).Select(i => (FoldSpec?)new FoldSpec(n, i, request.FoldSeed)).ToList()
            : new List<FoldSpec?> { null };
        string? data = request.DataDirectory is null ? null : Relative(sweepDirectory, request.DataDirectory);
        var overrides = request.Overrides.Select(kv => $"{kv.Key}={kv.Value}").ToList();

        var entries = new List<SweepEntry>();
        var results = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in request.Presets)
        {
            var preset = PresetOverrides.Apply(PresetRegistry.Get(name), request.Overrides);
            string hash = PresetHash.Of(preset);
            foreach (var fold in folds)
            {
                string output = SweepLayout.RunFolder(name, hash, fold);
                foreach (long seed in request.Seeds)
                {
                    string result = SweepLayout.ResultPath(output, preset, seed);
                    if (!results.Add(result)) throw new ArgumentException($"preset {name} is listed twice: entries would share the result {result}");
                    entries.Add(new SweepEntry
                    {
                        Index = entries.Count, Preset = name, Overrides = overrides, SettingsHash = hash, Seed = seed,
                        Fold = fold?.Index, Folds = fold?.Folds, FoldSeed = fold?.Seed, Output = output, Result = result,
                        TrainArgs = fold is null ? TrainArgs(request, name, overrides, seed, output, data) : null,
                    });
                }
            }
        }
        return new SweepPlan
        {
            PlanHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ReproJson.Serialize(entries))))[..8],
            Data = data, SyntheticScale = request.SyntheticScale, Device = request.Device, WriteCheckpoints = request.WriteCheckpoints,
            SkipBadFiles = request.SkipBadFiles,
            Threads = request.Threads, CpuIsa = request.CpuIsa, Deterministic = request.Deterministic, Entries = entries,
        };
    }

    private static List<string> TrainArgs(SweepRequest r, string preset, IReadOnlyList<string> overrides, long seed, string output, string? data)
    {
        var inv = CultureInfo.InvariantCulture;
        var a = new List<string> { "train", "--preset", preset, "--seed", seed.ToString(inv) };
        foreach (string o in overrides) { a.Add("--set"); a.Add(o); }
        a.AddRange(new[] { "--out", output });
        if (data is not null) a.AddRange(new[] { "--data", data });
        else a.AddRange(new[] { "--synthetic-scale", r.SyntheticScale.ToString("R", inv) });
        if (r.Device is not null) a.AddRange(new[] { "--device", r.Device });
        a.AddRange(new[] { "--threads", r.Threads.ToString(inv), "--cpu-isa", r.CpuIsa });
        if (!r.Deterministic) a.Add("--nondeterministic");
        if (!r.WriteCheckpoints) a.Add("--no-checkpoints");
        if (r.SkipBadFiles) a.Add("--skip-bad-files");
        return a;
    }

    private static string Relative(string sweepDirectory, string path) =>
        Path.GetRelativePath(Path.GetFullPath(sweepDirectory), Path.GetFullPath(path)).Replace('\\', '/');
}
