using Repro.Runtime;

namespace Repro.Data;

/// <summary>
/// Patient-grouped, stratified k-fold assignment: the one fold assignment that cross-validation (<c>repro cv</c>) and
/// sweeps use. Every image of a patient lands in the same fold, so no patient is ever on both sides of a split — also
/// a patient whose images carry two labels (MTH416's P_00160: benign and cancer) stays whole.
/// <para>
/// Stratification is by patient: each patient's stratum is the most severe label among its images (cancer &gt; benign
/// &gt; normal), so P_00160 counts as a cancer patient. Patients are shuffled by a seeded xoshiro256** (Fisher-Yates over
/// the ordinal order of their ids), then, stratum by stratum (cancer, benign, normal) and within a stratum the
/// patients with more images first (a stable sort of the shuffled order), each goes to the fold that holds the fewest
/// images of that stratum so far (ties: fewer patients, then the lower fold). Folds thus get nearly equal image
/// counts per class; the assignment depends only on the (patient, label) pairs, the fold count and the seed.
/// </para>
/// </summary>
public static class PatientFolds
{
    /// <summary>The seed of the recorded assignment (snapshot <c>PatientFoldTests.Mth416_five_folds</c>).</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>
    /// The fold (0 … <paramref name="folds"/> − 1) of every sample, given each sample's patient id and label.
    /// </summary>
    public static int[] Assign(IReadOnlyList<string> patients, IReadOnlyList<int> labels, int folds, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(patients);
        ArgumentNullException.ThrowIfNull(labels);
        if (patients.Count != labels.Count)
            throw new ArgumentException($"{patients.Count} patient ids but {labels.Count} labels");
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "need at least 2 folds");
        var byPatient = Enumerable.Range(0, patients.Count)
            .GroupBy(i => patients[i] ?? throw new ArgumentException($"sample {i} has no patient id"), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToArray())
            .ToArray();
        if (byPatient.Length < folds)
            throw new ArgumentException($"{byPatient.Length} patient(s) cannot fill {folds} folds");
        foreach (int l in labels)
            if (l < 0 || l >= ClassLabels.Count) throw new ArgumentException($"label {l} is not a class");

        var rng = new Xoshiro256StarStar(seed);
        var order = Enumerable.Range(0, byPatient.Length).ToArray();
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var fold = new int[patients.Count];
        var images = new int[folds, ClassLabels.Count];
        var patientsIn = new int[folds];
        for (int stratum = ClassLabels.Count - 1; stratum >= 0; stratum--)
        {
            int s = stratum;
            foreach (int p in order.Where(p => Stratum(byPatient[p], labels) == s).OrderByDescending(p => byPatient[p].Length))
            {
                int best = 0;
                for (int f = 1; f < folds; f++)
                    if (images[f, s] < images[best, s] || (images[f, s] == images[best, s] && patientsIn[f] < patientsIn[best])) best = f;
                images[best, s] += byPatient[p].Length;
                patientsIn[best]++;
                foreach (int i in byPatient[p]) fold[i] = best;
            }
        }
        return fold;
    }

    /// <summary>A patient's stratum: the most severe label among its images (cancer &gt; benign &gt; normal).</summary>
    public static int Stratum(IEnumerable<int> samples, IReadOnlyList<int> labels) => samples.Max(i => labels[i]);
}
