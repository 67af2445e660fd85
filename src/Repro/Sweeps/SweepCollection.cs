using System.Text.Json;
using Repro.Results;

namespace Repro.Sweeps;

/// <summary>State of one sweep entry when collected.</summary>
public enum SweepEntryState
{
    /// <summary>Its result exists with the entry's settings hash and seed.</summary>
    Done,
    /// <summary>No result and no failure record: not run yet, still running, or killed (see the engine's log).</summary>
    Missing,
    /// <summary>Its last attempt failed (the failure record says why).</summary>
    Failed,
    /// <summary>A file is where its result belongs but it is not this entry's run (other settings, other seed, unreadable).</summary>
    Invalid,
}

/// <summary>One collected entry.</summary>
/// <param name="Entry">The plan's entry.</param>
/// <param name="State">What was found.</param>
/// <param name="Reason">Why it is not done (null when done).</param>
/// <param name="Result">The result (when done).</param>
public sealed record SweepEntryStatus(SweepEntry Entry, SweepEntryState State, string? Reason, RunResult? Result);

/// <summary>
/// A sweep folder read back against its plan: every entry's state, the finished results, and — entry by entry,
/// with the reason — what is missing or failed, so that nothing is averaged silently over a partial sweep.
/// </summary>
public sealed record SweepCollection(string Directory, SweepPlan Plan, IReadOnlyList<SweepEntryStatus> Entries)
{
    /// <summary>True when every entry is done.</summary>
    public bool Complete => Entries.All(e => e.State == SweepEntryState.Done);

    /// <summary>The entries that are not done, by index.</summary>
    public IReadOnlyList<SweepEntryStatus> Problems => Entries.Where(e => e.State != SweepEntryState.Done).ToList();

    /// <summary>One line per entry that is not done: <c>entry 3 (q1-cnn seed 45): failed: …</c>.</summary>
    public IReadOnlyList<string> ProblemLines => Problems.Select(Line).ToList();

    /// <summary>A one-line summary: <c>sweep 1a2b3c4d: 7 of 8 entries done; 1 failed</c>.</summary>
    public string Summary
    {
        get
        {
            var counts = Entries.Where(e => e.State != SweepEntryState.Done).GroupBy(e => e.State)
                .OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
            string tail = Complete ? "complete" : string.Join(", ", counts);
            return $"sweep {Plan.PlanHash}: {Entries.Count(e => e.State == SweepEntryState.Done)} of {Entries.Count} entries done; {tail}";
        }
    }

    /// <summary>The line describing one entry that is not done.</summary>
    public static string Line(SweepEntryStatus s) =>
        $"entry {s.Entry.Index} ({s.Entry.Preset} seed {s.Entry.Seed}{(s.Entry.FoldSpec is { } f ? $" fold {f.Index + 1}/{f.Folds}" : "")}): {s.State.ToString().ToLowerInvariant()}: {s.Reason}";

    /// <summary>Reads the sweep folder <paramref name="sweepDirectory"/> (the folder of its <c>plan.json</c>).</summary>
    public static SweepCollection Collect(string sweepDirectory)
    {
        string dir = Path.GetFullPath(sweepDirectory);
        var plan = SweepPlan.Read(SweepPlan.PathIn(dir));
        return new SweepCollection(dir, plan, plan.Entries.Select(e => Status(dir, e)).ToList());
    }

    private static SweepEntryStatus Status(string dir, SweepEntry entry)
    {
        string path = SweepLayout.Resolve(dir, entry.Result);
        if (File.Exists(path))
        {
            RunResult r;
            try
            {
                r = ResultFile.Read(path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or JsonException or NotSupportedException)
            {
                return new(entry, SweepEntryState.Invalid, $"{entry.Result} does not read: {e.Message}", null);
            }
            if (r.SettingsHash != entry.SettingsHash || r.Seed != entry.Seed)
                return new(entry, SweepEntryState.Invalid,
                    $"{entry.Result} holds settings hash {r.SettingsHash} seed {r.Seed}, the plan's entry is {entry.SettingsHash} seed {entry.Seed}", null);
            return new(entry, SweepEntryState.Done, null, r);
        }
        SweepFailure? failure;
        try
        {
            failure = SweepFailure.Read(dir, entry.Index);
        }
        catch (InvalidDataException e)
        {
            return new(entry, SweepEntryState.Failed, $"its failure record does not read: {e.Message}", null);
        }
        if (failure is not null)
            return new(entry, SweepEntryState.Failed, $"{failure.Error}: {failure.Message} (on {failure.Host} at {failure.AtUtc})", null);
        return new(entry, SweepEntryState.Missing,
            $"no result at {entry.Result} and no failure record: not run yet, still running, or killed (see {SweepLayout.LogsFolder}/)", null);
    }
}
