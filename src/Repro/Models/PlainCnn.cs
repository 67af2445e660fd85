using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Models;

/// <summary>
/// A plain convolutional classifier trained from scratch: blocks of Conv3×3 (pad 1, bias) →
/// BatchNorm2d → ReLU → MaxPool 2×2, then global average pooling and a two-layer head
/// (Linear → ReLU → Dropout 0.5 → Linear). Convolutions get He (kaiming normal, fan_out, ReLU) init
/// with zero bias, BatchNorm weight 1 / bias 0 (torchvision's habit); Linear layers keep the default init.
/// </summary>
/// <remarks>
/// State-dict names: <c>features.{4i}</c> (conv) and <c>features.{4i+1}</c> (BatchNorm) for block i,
/// <c>classifier.0</c> and <c>classifier.3</c> for the two Linear layers.
/// </remarks>
public abstract class PlainCnn : ReproModel
{
    private readonly Sequential features;
    private readonly Sequential classifier;

    /// <summary>Builds the network.</summary>
    /// <param name="name">TorchSharp module name.</param>
    /// <param name="channels">Output channels of each block (input is 3 channels).</param>
    /// <param name="hidden">Width of the head's hidden layer.</param>
    /// <param name="classes">Number of output classes.</param>
    protected PlainCnn(string name, IReadOnlyList<int> channels, int hidden, int classes = 3) : base(name)
    {
        if (channels.Count == 0) throw new ArgumentException("at least one block is needed", nameof(channels));
        Channels = channels.ToArray();
        Hidden = hidden;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long inChannels = 3;
        for (int i = 0; i < channels.Count; i++)
        {
            var conv = nn.Conv2d(inChannels, channels[i], kernel_size: 3, padding: 1, bias: true);
            var bn = nn.BatchNorm2d(channels[i]);
            using (torch.no_grad())
            {
                nn.init.kaiming_normal_(conv.weight!, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
                nn.init.zeros_(conv.bias!);
                nn.init.ones_(bn.weight!);
                nn.init.zeros_(bn.bias!);
            }
            layers.Add(($"{4 * i}", conv));
            layers.Add(($"{4 * i + 1}", bn));
            layers.Add(($"{4 * i + 2}", nn.ReLU()));
            layers.Add(($"{4 * i + 3}", nn.MaxPool2d(2, 2)));
            inChannels = channels[i];
        }
        layers.Add(($"{4 * channels.Count}", nn.AdaptiveAvgPool2d(1)));
        layers.Add(($"{4 * channels.Count + 1}", nn.Flatten()));
        features = nn.Sequential(layers);
        classifier = nn.Sequential(
            ("0", nn.Linear(inChannels, hidden)),
            ("1", nn.ReLU()),
            ("2", nn.Dropout(0.5)),
            ("3", nn.Linear(hidden, classes)));
        register_module("features", features);
        register_module("classifier", classifier);
    }

    /// <summary>Output channels of each convolutional block.</summary>
    public IReadOnlyList<int> Channels { get; }

    /// <summary>Width of the head's hidden layer.</summary>
    public int Hidden { get; }

    /// <summary>The study normalises every model's input with ImageNet statistics.</summary>
    public override InputNormalization Normalization => InputNormalization.ImageNet;

    /// <summary>Logits <c>[N, classes]</c> from normalised images <c>[N, 3, H, W]</c> (H, W ≥ 2^blocks).</summary>
    public override Tensor forward(Tensor input)
    {
        using var f = features.call(input);
        return classifier.call(f);
    }
}
