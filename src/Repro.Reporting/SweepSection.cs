using System.Globalization;
using System.Text;
using Repro.Sweeps;

namespace Repro.Reporting;

/// <summary>
/// The report's account of a sweep (a results folder with a <c>plan.json</c>): how many entries finished, and each
/// missing or failed entry by index with its reason, so that a partial sweep is never averaged silently.
/// </summary>
internal static class SweepSection
{
    public static void Write(StringBuilder sb, SweepCollection sweep)
    {
        var inv = CultureInfo.InvariantCulture;
        int done = sweep.Entries.Count(e => e.State == SweepEntryState.Done);
        sb.Append("## Sweep\n\n");
        if (sweep.Complete)
        {
            sb.Append($"Sweep `{sweep.Plan.PlanHash}` is complete: all {sweep.Entries.Count.ToString(inv)} entries of its `plan.json` finished " +
                      "with the plan's settings hash and seed.\n\n");
            return;
        }
        sb.Append($"**Sweep `{sweep.Plan.PlanHash}` is incomplete: {done.ToString(inv)} of {sweep.Entries.Count.ToString(inv)} entries finished.** " +
                  "Every table below covers the finished entries only; the others, by index:\n\n");
        var table = new MarkdownTable(">index", "preset", ">seed", "state", "reason");
        foreach (var p in sweep.Problems)
            table.Add(p.Entry.Index.ToString(inv), p.Entry.Preset, p.Entry.Seed.ToString(inv), p.State.ToString().ToLowerInvariant(), p.Reason ?? "");
        table.WriteTo(sb);
    }
}
