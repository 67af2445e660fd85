using System.Globalization;
using System.Text;
using Repro.Data;
using Repro.Reproduction.Tests.Snapshots;

namespace Repro.Reproduction.Tests.Runs;

/// <summary>
/// The recorded fold assignment: MTH416's 3,071 images in 5 patient-grouped stratified folds with the default seed
/// (<see cref="PatientFolds.DefaultSeed"/>), as <c>repro cv</c> and sweeps use it — per fold its images by class and
/// patients, then every patient with its fold. Any change to the assignment shows up here line by line.
/// </summary>
public class PatientFoldTests
{
    [Fact]
    public void Mth416_five_folds()
    {
        var samples = new List<(string Path, string Patient, int Label)>();
        foreach (string split in DatasetFolder.Splits)
            foreach (string classDir in Directory.GetDirectories(Path.Combine(RepoPaths.Mth416, split)).Order(StringComparer.Ordinal))
            {
                int label = ClassLabels.FromName(Path.GetFileName(classDir))!.Value;
                foreach (string file in Directory.GetFiles(classDir).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
                    samples.Add(($"{split}/{Path.GetFileName(classDir)}/{Path.GetFileName(file)}", SampleIds.FromFileName(file), label));
            }
        Assert.Equal(3071, samples.Count);
        int[] fold = PatientFolds.Assign(samples.Select(s => s.Patient).ToArray(), samples.Select(s => s.Label).ToArray(), 5);

        // P_00160 has a benign and a cancer image, in two splits of the study: one fold here
        Assert.Single(samples.Select((s, i) => (s, i)).Where(x => x.s.Patient == "P_00160").Select(x => fold[x.i]).Distinct());

        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("mth416 patient-grouped stratified folds: k=5 seed=").Append(PatientFolds.DefaultSeed.ToString(inv))
          .Append(" images=").Append(samples.Count.ToString(inv)).Append(" patients=").Append(samples.Select(s => s.Patient).Distinct().Count().ToString(inv)).Append('\n');
        sb.Append("fold  normal benign cancer  patients\n");
        for (int f = 0; f < 5; f++)
        {
            var inFold = samples.Where((_, i) => fold[i] == f).ToList();
            sb.Append(string.Create(inv, $"{f + 1,4}  {inFold.Count(s => s.Label == 0),6} {inFold.Count(s => s.Label == 1),6} {inFold.Count(s => s.Label == 2),6}  {inFold.Select(s => s.Patient).Distinct().Count(),8}\n"));
        }
        sb.Append("patient fold (1-based)\n");
        foreach (var g in samples.Select((s, i) => (s.Patient, Fold: fold[i])).Distinct().OrderBy(x => x.Patient, StringComparer.Ordinal))
            sb.Append(g.Patient).Append(' ').Append((g.Fold + 1).ToString(inv)).Append('\n');
        Snapshot.Verify(sb.ToString(), GetType());
    }
}
