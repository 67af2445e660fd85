using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace Repro.Data;

/// <summary>
/// Re-partitions loaded splits into one cross-validation fold (<see cref="FoldSpec"/>): pools train, val and test
/// (in that order), holds out the fold's patients as test and splits the rest into train and an inner validation
/// split, all patient-grouped and stratified by <see cref="PatientFolds"/>. Within a new split, samples keep their
/// pooled order. The fingerprint is derived from the pooled data's and the fold's description; the source says the fold.
/// </summary>
internal static class FoldPartition
{
    /// <summary>The fold of <paramref name="data"/>; disposes <paramref name="data"/> (the new splits own copies).</summary>
    public static DatasetSplits Apply(DatasetSplits data, FoldSpec fold)
    {
        using (data)
        {
            var sets = new[] { data.Train, data.Val, data.Test };
            string[] ids = sets.SelectMany(s => s.Ids).ToArray();
            string[] paths = sets.SelectMany(s => s.Paths).ToArray();
            int[] labels = sets.SelectMany(s => s.LabelArray).ToArray();
            using var images = cat(sets.Select(s => s.Images).ToArray(), 0);
            using var labelTensor = cat(sets.Select(s => s.Labels).ToArray(), 0);

            int[] outer = PatientFolds.Assign(ids, labels, fold.Folds, fold.Seed);
            var test = Enumerable.Range(0, ids.Length).Where(i => outer[i] == fold.Index).ToArray();
            var rest = Enumerable.Range(0, ids.Length).Where(i => outer[i] != fold.Index).ToArray();
            int[] inner = PatientFolds.Assign(rest.Select(i => ids[i]).ToArray(), rest.Select(i => labels[i]).ToArray(), fold.Folds, fold.InnerSeed);
            var val = rest.Where((_, j) => inner[j] == 0).ToArray();
            var train = rest.Where((_, j) => inner[j] != 0).ToArray();

            TensorSet Take(string split, int[] indices)
            {
                using var idx = tensor(indices.Select(i => (long)i).ToArray());
                return new TensorSet(split, images.index_select(0, idx), labelTensor.index_select(0, idx),
                    indices.Select(i => ids[i]).ToArray(), indices.Select(i => paths[i]).ToArray());
            }

            string fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{data.Fingerprint}|{fold.Describe()}")))[..16];
            TensorSet? a = null, b = null;
            try
            {
                a = Take("train", train);
                b = Take("val", val);
                return new DatasetSplits(a, b, Take("test", test), $"{data.Source} [{fold.Describe()}]", fingerprint, data.Skipped)
                {
                    FromCache = data.FromCache,
                    Origin = new SplitOrigin(data.Fingerprint, sets.Select(s => s.Count).ToArray(), [train, val, test]),
                };
            }
            catch
            {
                a?.Dispose();
                b?.Dispose();
                throw;
            }
        }
    }
}
