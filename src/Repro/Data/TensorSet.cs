using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Data;

/// <summary>
/// One decoded split: images as uint8 <c>[N,1,H,W]</c> (grayscale stays one channel; the model input
/// decides how many it gets), labels as int64 <c>[N]</c>, and per sample its patient/case id and its
/// path relative to the dataset root. Owns its tensors.
/// </summary>
public sealed class TensorSet : IDisposable
{
    /// <summary>Creates a set; takes ownership of <paramref name="images"/> and <paramref name="labels"/>.</summary>
    public TensorSet(string split, Tensor images, Tensor labels, IReadOnlyList<string> ids, IReadOnlyList<string> paths)
    {
        if (images.dim() != 4 || images.dtype != ScalarType.Byte)
            throw new ArgumentException($"{split}: images must be uint8 [N,C,H,W], got {images.dtype} [{string.Join(",", images.shape)}]");
        long n = images.shape[0];
        if (labels.shape.Length != 1 || labels.shape[0] != n || ids.Count != n || paths.Count != n)
            throw new ArgumentException($"{split}: {n} images but {labels.shape[0]} labels, {ids.Count} ids, {paths.Count} paths");
        Split = split;
        Images = images.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
        Ids = ids;
        Paths = paths;
        using (var host = labels.cpu()) // held (and freed) here: a TorchSharp temporary nothing references can be finalized mid-read
            _labels = host.data<long>().Select(l => (int)l).ToArray();
    }

    private readonly int[] _labels;

    /// <summary>train, val or test.</summary>
    public string Split { get; }
    /// <summary>uint8 [N,1,H,W].</summary>
    public Tensor Images { get; }
    /// <summary>int64 [N], values 0..2 (<see cref="ClassLabels"/>).</summary>
    public Tensor Labels { get; }
    /// <summary>Patient or case id per sample (e.g. P_00001).</summary>
    public IReadOnlyList<string> Ids { get; }
    /// <summary>Path relative to the dataset root, '/'-separated (e.g. train/benign/P_00001_LEFT_CC.jpg).</summary>
    public IReadOnlyList<string> Paths { get; }
    /// <summary>Labels on the host, for samplers and metrics.</summary>
    public IReadOnlyList<int> LabelArray => _labels;
    /// <summary>Number of samples.</summary>
    public int Count => _labels.Length;
    /// <summary>Image height (= width).</summary>
    public int ImageSize => (int)Images.shape[2];
    /// <summary>Device the tensors live on.</summary>
    public Device Device => Images.device;

    /// <summary>Samples per class, in label order.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[ClassLabels.Count];
        foreach (int l in _labels) counts[l]++;
        return counts;
    }

    /// <summary>A copy of this set on <paramref name="device"/> (the whole set moves at once).</summary>
    public TensorSet To(Device device) => new(Split, Images.to(device), Labels.to(device), Ids, Paths);

    /// <summary>The samples at <paramref name="indices"/>, in that order, as a new set.</summary>
    public TensorSet Subset(IReadOnlyList<long> indices)
    {
        using var idx = tensor(indices.ToArray(), device: Images.device);
        return new TensorSet(Split, Images.index_select(0, idx), Labels.index_select(0, idx),
            indices.Select(i => Ids[(int)i]).ToArray(), indices.Select(i => Paths[(int)i]).ToArray());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
