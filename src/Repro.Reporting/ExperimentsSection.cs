using System.Text;
using Repro.Experiments;

namespace Repro.Reporting;

/// <summary>The experiment catalogue: every entry, its tier and what verified its snapshots (or that nothing has yet).</summary>
internal static class ExperimentsSection
{
    public static void Write(StringBuilder sb, IReadOnlyList<ExperimentStatus> experiments)
    {
        sb.Append("## Experiments\n\n");
        sb.Append("Every number below comes from the verified snapshots of these catalogue entries (`src/Repro/Experiments`). " +
                  "`cpu` entries are re-derived by the default `dotnet test`; `long` ones by " +
                  "`REPRO_LONG=1 dotnet test tests/Repro.Reproduction.Tests -c Release --filter \"Tier=long\"`; `gpu` ones on a GPU host, " +
                  "per device class. An entry not yet verified contributes no rows.\n\n");
        var table = new MarkdownTable("experiment", "tier", "verified by", "runs", "what it is");
        foreach (var s in experiments)
            table.Add($"`{s.Experiment.Name}`", s.Experiment.Tier.ToString().ToLowerInvariant(), s.VerifiedBy,
                s.Experiment.Audit ? "audit" : s.Experiment.CrossValidation is { } cv ? $"cv, {cv.Folds} folds" : s.Experiment.Runs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Experiment.Description);
        table.WriteTo(sb);
    }
}
