using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Models;

/// <summary>
/// A fixed standardisation of a head's input: <c>(x − mean) / sd</c> per feature, with the mean and the (population)
/// standard deviation of the training split's features (<see cref="Fit"/>); a feature whose sd is below 1e-6 (constant
/// on the training split) is only centred. Both are buffers (<c>mean</c>, <c>std</c>), so checkpoints and the predictor
/// carry them; no parameter trains.
/// </summary>
public sealed class FeatureStandardizer : nn.Module<Tensor, Tensor>
{
    /// <summary>The smallest standard deviation divided by; below it a feature is only centred.</summary>
    public const double MinStd = 1e-6;

    private readonly Tensor mean;
    private readonly Tensor std;

    /// <summary>An identity standardisation of <paramref name="dim"/> features until <see cref="Fit"/>.</summary>
    public FeatureStandardizer(int dim) : base(nameof(FeatureStandardizer))
    {
        if (dim < 1) throw new ArgumentOutOfRangeException(nameof(dim), dim, "must be ≥ 1");
        mean = torch.zeros(dim);
        std = torch.ones(dim);
        register_buffer("mean", mean);
        register_buffer("std", std);
    }

    /// <summary>Sets the mean and standard deviation from <paramref name="features"/> <c>[N, dim]</c> (N ≥ 1).</summary>
    public void Fit(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.dim() != 2 || features.shape[1] != mean.shape[0] || features.shape[0] < 1)
            throw new ArgumentException($"standardisation needs features [N ≥ 1, {mean.shape[0]}], got [{string.Join(", ", features.shape)}]", nameof(features));
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var x = features.to(float64);
        var m = x.mean(new long[] { 0 });
        var sd = x.std(0, unbiased: false);
        sd = torch.where(sd.lt(MinStd), torch.ones_like(sd), sd);
        mean.copy_(m.to(mean.dtype).to(mean.device));
        std.copy_(sd.to(std.dtype).to(std.device));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.sub(mean).div(std);
}
