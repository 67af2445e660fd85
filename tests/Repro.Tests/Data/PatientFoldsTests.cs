using Repro.Data;

namespace Repro.Tests.Data;

public class PatientFoldsTests
{
    // 60 patients: 40 normal (1-4 images), 10 benign (2), 9 cancer (2), and one with a benign and a cancer image.
    private static (string[] Patients, int[] Labels) Cohort()
    {
        var patients = new List<string>();
        var labels = new List<int>();
        void Add(string id, params int[] ls) { foreach (int l in ls) { patients.Add(id); labels.Add(l); } }
        for (int p = 0; p < 40; p++) Add($"A_{p:D4}", Enumerable.Repeat(0, 1 + p % 4).ToArray());
        for (int p = 0; p < 10; p++) Add($"P_{p:D5}", 1, 1);
        for (int p = 10; p < 19; p++) Add($"P_{p:D5}", 2, 2);
        Add("P_00160", 1, 2);
        return (patients.ToArray(), labels.ToArray());
    }

    [Fact]
    public void Every_patient_stays_in_one_fold_including_one_with_two_labels()
    {
        var (patients, labels) = Cohort();
        int[] fold = PatientFolds.Assign(patients, labels, 5, 7);
        foreach (var g in Enumerable.Range(0, patients.Length).GroupBy(i => patients[i]))
            Assert.Single(g.Select(i => fold[i]).Distinct());
        Assert.All(fold, f => Assert.InRange(f, 0, 4));
        Assert.Equal(5, fold.Distinct().Count());
    }

    [Fact]
    public void Folds_are_stratified_by_the_patients_most_severe_label()
    {
        var (patients, labels) = Cohort();
        int[] fold = PatientFolds.Assign(patients, labels, 5, 7);
        // cancer stratum: 9 two-image patients + P_00160 (counted as cancer: its two images) = 20 images → 4 per fold
        var cancerStratum = Enumerable.Range(0, patients.Length).Where(i => patients[i] == "P_00160" || labels[i] == 2 && patients[i] != "P_00160");
        Assert.All(Enumerable.Range(0, 5), f => Assert.Equal(4, cancerStratum.Count(i => fold[i] == f)));
        // benign stratum: 10 two-image patients → 4 per fold
        Assert.All(Enumerable.Range(0, 5), f => Assert.Equal(4, Enumerable.Range(0, patients.Length).Count(i => labels[i] == 1 && patients[i] != "P_00160" && fold[i] == f)));
        // normal stratum: 100 images in patients of 1-4; greedy largest-first keeps every fold within one patient (4 images) of the others
        var normal = Enumerable.Range(0, 5).Select(f => Enumerable.Range(0, patients.Length).Count(i => labels[i] == 0 && fold[i] == f)).ToArray();
        Assert.Equal(100, normal.Sum());
        Assert.True(normal.Max() - normal.Min() <= 4, string.Join(",", normal));
    }

    [Fact]
    public void Seeded_independent_of_sample_order_and_checked()
    {
        var (patients, labels) = Cohort();
        int[] a = PatientFolds.Assign(patients, labels, 5, 7);
        Assert.Equal(a, PatientFolds.Assign(patients, labels, 5, 7));
        Assert.NotEqual(a, PatientFolds.Assign(patients, labels, 5, 8));
        // the same samples in reverse order: every sample keeps its fold
        int[] reversed = PatientFolds.Assign(patients.Reverse().ToArray(), labels.Reverse().ToArray(), 5, 7);
        Assert.Equal(a, reversed.Reverse().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => PatientFolds.Assign(patients, labels, 1));
        Assert.Throws<ArgumentException>(() => PatientFolds.Assign(patients, labels.Take(3).ToArray(), 5));
        Assert.Throws<ArgumentException>(() => PatientFolds.Assign(["a", "b"], [0, 1], 3));
    }

    [Fact]
    public void A_fold_option_re_partitions_the_pooled_splits_by_patient()
    {
        var options = new DataOptions
        {
            ImageSize = 32,
            Synthetic = new SyntheticOptions { Seed = 416, Scale = 0.1 },
            CacheDirectory = RepoPaths.NewTempDir("fold-cache"),
        };
        using var pooled = DatasetLoader.Load(options);
        var all = new[] { pooled.Train, pooled.Val, pooled.Test }.SelectMany(s => s.Paths.Select((p, i) => (p, s.Ids[i], s.LabelArray[i]))).ToList();
        int[] outer = PatientFolds.Assign(all.Select(x => x.Item2).ToArray(), all.Select(x => x.Item3).ToArray(), 4, 9);
        var seenTest = new HashSet<string>();
        for (int k = 0; k < 4; k++)
        {
            using var fold = DatasetLoader.Load(options with { Fold = new FoldSpec(4, k, 9) });
            // test = exactly the pooled samples in fold k; train + val + test = every sample once
            Assert.Equal(all.Where((_, i) => outer[i] == k).Select(x => x.p).Order(), fold.Test.Paths.Order());
            Assert.Equal(all.Select(x => x.p).Order(), fold.Train.Paths.Concat(fold.Val.Paths).Concat(fold.Test.Paths).Order());
            Assert.Empty(fold.Train.Ids.Intersect(fold.Val.Ids).Concat(fold.Train.Ids.Intersect(fold.Test.Ids)).Concat(fold.Val.Ids.Intersect(fold.Test.Ids)));
            Assert.True(fold.Val.Count > 0 && fold.Train.Count > fold.Val.Count, $"train {fold.Train.Count}, val {fold.Val.Count}");
            Assert.Contains("cv fold " + (k + 1) + "/4 seed 9", fold.Source);
            Assert.NotEqual(pooled.Fingerprint, fold.Fingerprint);
            // the pixels travel with their paths
            int at = Array.IndexOf(fold.Test.Paths.ToArray(), fold.Test.Paths[0]);
            var source = new[] { pooled.Train, pooled.Val, pooled.Test }.First(s => s.Paths.Contains(fold.Test.Paths[0]));
            int j = source.Paths.ToList().IndexOf(fold.Test.Paths[0]);
            Assert.Equal(source.Images[j].data<byte>().ToArray(), fold.Test.Images[at].data<byte>().ToArray());
            seenTest.UnionWith(fold.Test.Paths);
        }
        Assert.Equal(all.Count, seenTest.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetLoader.Load(options with { Fold = new FoldSpec(4, 4) }));
    }
}
