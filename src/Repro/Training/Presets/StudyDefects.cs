namespace Repro.Training.Presets;

/// <summary>
/// The four defects of the study's code on the report day that together explain its chance-level
/// results. The faithful presets switch all on; the fixed presets switch all off; one at a time they
/// make the ablation table.
/// </summary>
/// <param name="ClampAfterNormalize">1. Gaussian noise then clamp to [0,1] runs on the <i>normalised</i>
/// training tensor: training inputs live in [0,1] while val/test inputs span ≈ [−2.1, 2.6].</param>
/// <param name="ShallowBestRestore">2. The "best" weights were kept with <c>state_dict().copy()</c>, a
/// shallow copy that follows the live tensors: the last epoch's weights are what gets tested.</param>
/// <param name="DoubleReweighting">3. The class-weighted sampler (≈ ⅓ per class) and focal α [0.2, 3, 6]
/// re-weight twice: Normal is ≈ 2% of the loss. Off: the sampler alone balances (focal α = [1,1,1]).</param>
/// <param name="FrozenBatchNormTrains">4. <c>model.train()</c> puts the frozen backbone's BatchNorm in
/// training mode: batch statistics are used and running statistics drift although weights are frozen.</param>
public sealed record StudyDefects(bool ClampAfterNormalize, bool ShallowBestRestore, bool DoubleReweighting, bool FrozenBatchNormTrains)
{
    /// <summary>All four on: the study as it ran.</summary>
    public static StudyDefects Study { get; } = new(true, true, true, true);

    /// <summary>All four off.</summary>
    public static StudyDefects None { get; } = new(false, false, false, false);
}
