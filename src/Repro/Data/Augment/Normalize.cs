using System.Globalization;
using System.Text;
using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// Per-channel standardisation (x − mean[c]) / std[c] (torchvision <c>Normalize</c>); deterministic.
/// One mean/std pair applies to every channel.
/// </summary>
/// <param name="Mean">Mean per channel (or one for all).</param>
/// <param name="Std">Standard deviation per channel (or one for all).</param>
public sealed record Normalize(IReadOnlyList<double> Mean, IReadOnlyList<double> Std) : IBatchTransform
{
    /// <summary>ImageNet statistics for RGB input (what torchvision's pretrained backbones expect).</summary>
    public static Normalize ImageNet { get; } = new([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);

    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        BatchChecks.FloatBatch(batch, nameof(Normalize));
        long c = batch.shape[1];
        if (Mean.Count != Std.Count || (Mean.Count != c && Mean.Count != 1))
            throw new ArgumentException($"Normalize: {Mean.Count} means and {Std.Count} stds for {c} channels");
        if (Std.Any(s => !(s > 0))) throw new ArgumentException("Normalize: std must be positive");
        using var scope = NewDisposeScope();
        var mean = tensor(Mean.Select(v => (float)v).ToArray(), device: batch.device).view(1, -1, 1, 1);
        var std = tensor(Std.Select(v => (float)v).ToArray(), device: batch.device).view(1, -1, 1, 1);
        return ((batch - mean) / std).MoveToOuterDisposeScope();
    }

    /// <summary>Value equality on the numbers, not the list instances.</summary>
    public bool Equals(Normalize? other) =>
        other is not null && Mean.SequenceEqual(other.Mean) && Std.SequenceEqual(other.Std);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (double v in Mean) h.Add(v);
        foreach (double v in Std) h.Add(v);
        return h.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Mean = [").Append(string.Join(", ", Mean.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))
            .Append("], Std = [").Append(string.Join(", ", Std.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append(']');
        return true;
    }
}
