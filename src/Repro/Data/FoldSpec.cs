using System.Globalization;

namespace Repro.Data;

/// <summary>
/// One fold of patient-grouped cross-validation as a data option (<see cref="DataOptions.Fold"/>): the loader pools the
/// decoded train, val and test splits, assigns patients to <see cref="Folds"/> folds (<see cref="PatientFolds.Assign"/>
/// with <see cref="Seed"/>), makes fold <see cref="Index"/> the test split and splits the other folds' samples once more,
/// the same way (<see cref="PatientFolds.Assign"/> over them with seed <see cref="InnerSeed"/>), taking that inner
/// assignment's fold 0 as validation and the rest as training. The trainer sees three splits as always.
/// </summary>
/// <param name="Folds">Number of folds (k ≥ 2).</param>
/// <param name="Index">The held-out fold, 0 … k − 1.</param>
/// <param name="Seed">Seed of the outer assignment (repeats of a CV use different seeds).</param>
public sealed record FoldSpec(int Folds, int Index, ulong Seed = PatientFolds.DefaultSeed)
{
    /// <summary>Seed of the inner (validation) split of this fold.</summary>
    public ulong InnerSeed => unchecked(Seed * 1_000_003UL + (ulong)Index + 1);

    /// <summary>e.g. <c>cv fold 2/5 seed 42</c> (1-based fold number).</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"cv fold {Index + 1}/{Folds} seed {Seed}");

    /// <summary>Fails on a fold that does not exist.</summary>
    public void Validate()
    {
        if (Folds is < 2 or > 100) throw new ArgumentOutOfRangeException(nameof(Folds), Folds, "folds must be between 2 and 100");
        if (Index < 0 || Index >= Folds) throw new ArgumentOutOfRangeException(nameof(Index), Index, $"fold index must be between 0 and {Folds - 1}");
    }
}
