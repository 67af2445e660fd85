using Repro.Data;
using Repro.Models;
using static TorchSharp.torch;

namespace Repro.Training;

/// <summary>
/// Frozen-backbone features of every split, computed once in eval mode (no augmentation), so that only
/// the head trains: with a frozen backbone and BatchNorm in eval, the backbone's output for an image never
/// changes, and recomputing it every epoch is wasted work.
/// </summary>
internal sealed class FeatureCache : IDisposable
{
    private FeatureCache(Tensor train, Tensor val, Tensor test) { Train = train; Val = val; Test = test; }

    /// <summary>Train features <c>[N,F]</c>, in the training set's order.</summary>
    public Tensor Train { get; }
    /// <summary>Validation features.</summary>
    public Tensor Val { get; }
    /// <summary>Test features.</summary>
    public Tensor Test { get; }

    /// <summary>The features of split <paramref name="split"/> (train, val, test).</summary>
    public Tensor For(string split) => split switch
    {
        "train" => Train,
        "val" => Val,
        "test" => Test,
        _ => throw new ArgumentException($"unknown split '{split}'"),
    };

    /// <summary>Runs the backbone over the three splits.</summary>
    public static FeatureCache Compute(ReproModel model, InputPipeline input, TensorSet train, TensorSet val, TensorSet test, int batchSize)
    {
        model.SetMode(false);
        return new FeatureCache(Of(model, input, train, batchSize), Of(model, input, val, batchSize), Of(model, input, test, batchSize));
    }

    private static Tensor Of(ReproModel model, InputPipeline input, TensorSet set, int batchSize)
    {
        using var noGrad = no_grad();
        var parts = new List<Tensor>();
        for (int start = 0; start < set.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(batchSize, set.Count - start);
            parts.Add(model.Features(input.Eval(set.Images.narrow(0, start, count))).MoveToOuterDisposeScope());
        }
        var all = cat(parts, 0).DetachFromDisposeScope();
        foreach (var p in parts) p.Dispose();
        return all;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Val.Dispose();
        Test.Dispose();
    }
}
