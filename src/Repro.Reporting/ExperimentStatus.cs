using Repro.Experiments;

namespace Repro.Reporting;

/// <summary>A catalogue entry and what verified the snapshots the report reads for it.</summary>
/// <param name="Experiment">The entry.</param>
/// <param name="DeviceClasses">For a gpu entry: the device classes with verified files (e.g. <c>cuda-sm90</c>).</param>
/// <param name="Verified">True when every snapshot file of the entry (for a gpu entry: of one device class) exists.</param>
public sealed record ExperimentStatus(Experiment Experiment, IReadOnlyList<string> DeviceClasses, bool Verified)
{
    /// <summary>How the report and README say who verified it.</summary>
    public string VerifiedBy => (Experiment.Tier, Verified) switch
    {
        (ExperimentTier.Cpu, true) => "cpu: `dotnet test`",
        (ExperimentTier.Cpu, false) => "cpu: not yet verified",
        (ExperimentTier.Long, true) => "long: `REPRO_LONG=1`, `Tier=long`",
        (ExperimentTier.Long, false) => "long: not yet verified",
        (ExperimentTier.Gpu, true) => "gpu: " + string.Join(", ", DeviceClasses),
        _ => "gpu: not yet verified on a GPU",
    };
}
