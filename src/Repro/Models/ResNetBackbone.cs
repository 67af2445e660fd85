using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Repro.Models;

/// <summary>
/// A torchvision-style ResNet feature extractor with <see cref="BasicBlock"/> stages and no
/// classifier: conv1 7×7/2 (no bias) → bn1 → ReLU → maxpool 3×3/2 (pad 1) → layer1..layer4
/// (64, 128, 256, 512 channels; stride 2 from layer2 on) → global average pool → <c>[N, 512]</c>.
/// </summary>
/// <remarks>
/// The state-dict names are torchvision's (<c>conv1.weight</c>, <c>bn1.running_mean</c>,
/// <c>layer1.0.conv1.weight</c>, <c>layer2.0.downsample.0.weight</c>, …) without <c>fc.*</c>, so that
/// torchvision checkpoints load by name. Stages <c>[2,2,2,2]</c> are resnet18; the ML.NET ImageNet
/// ONNX network is <c>[2,2,2,3]</c>. Init is torchvision's: He normal (fan_out) for convolutions,
/// BatchNorm weight 1 and bias 0.
/// </remarks>
public sealed class ResNetBackbone : nn.Module<Tensor, Tensor>
{
    private static readonly int[] Widths = { 64, 128, 256, 512 };

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly MaxPool2d maxpool;
    private readonly AdaptiveAvgPool2d avgpool;
    private readonly Sequential[] layers;

    /// <summary>Builds the backbone with <paramref name="stages"/> blocks per stage (four stages).</summary>
    public ResNetBackbone(IReadOnlyList<int> stages) : base(nameof(ResNetBackbone))
    {
        if (stages.Count != 4 || stages.Any(s => s < 1))
            throw new ArgumentException($"a ResNet needs four stages of at least one block, got [{string.Join(",", stages)}]", nameof(stages));
        Stages = stages.ToArray();
        conv1 = nn.Conv2d(3, 64, kernel_size: 7, stride: 2, padding: 3, bias: false);
        bn1 = nn.BatchNorm2d(64);
        maxpool = nn.MaxPool2d(3, 2, 1);
        avgpool = nn.AdaptiveAvgPool2d(1);
        register_module("conv1", conv1);
        register_module("bn1", bn1);
        register_module("maxpool", maxpool);
        layers = new Sequential[4];
        long inChannels = 64;
        for (int s = 0; s < 4; s++)
        {
            var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
            for (int b = 0; b < stages[s]; b++)
            {
                long stride = s > 0 && b == 0 ? 2 : 1;
                blocks.Add(($"{b}", new BasicBlock(inChannels, Widths[s], stride)));
                inChannels = Widths[s];
            }
            layers[s] = nn.Sequential(blocks);
            register_module(StageNames[s], layers[s]);
        }
        register_module("avgpool", avgpool);
        InitializeWeights();
    }

    /// <summary>The names of the four stages, as in torchvision.</summary>
    public static IReadOnlyList<string> StageNames { get; } = new[] { "layer1", "layer2", "layer3", "layer4" };

    /// <summary>Blocks per stage.</summary>
    public IReadOnlyList<int> Stages { get; }

    /// <summary>Width of the feature vector (512).</summary>
    public int FeatureDim => Widths[^1];

    /// <summary>The module of stage <paramref name="name"/> (<c>layer1</c>..<c>layer4</c>).</summary>
    public Sequential Stage(string name)
    {
        int i = StageNames.ToList().IndexOf(name);
        if (i < 0) throw new ArgumentException($"unknown stage '{name}'; stages are {string.Join(", ", StageNames)}", nameof(name));
        return layers[i];
    }

    /// <summary>
    /// Parameter count of a backbone with <paramref name="stages"/>, computed from the layout (no
    /// module is built): stem, then per block two 3×3 convs and two BatchNorms, plus a 1×1 conv and
    /// a BatchNorm in each stage's first block when the shape changes.
    /// </summary>
    public static long CountParameters(IReadOnlyList<int> stages)
    {
        long total = 64L * 3 * 7 * 7 + 2 * 64;
        long inChannels = 64;
        for (int s = 0; s < 4; s++)
        {
            long c = Widths[s];
            for (int b = 0; b < stages[s]; b++)
            {
                total += inChannels * c * 9 + 2 * c + c * c * 9 + 2 * c;
                if (inChannels != c || (s > 0 && b == 0)) total += inChannels * c + 2 * c;
                inChannels = c;
            }
        }
        return total;
    }

    /// <summary>Features <c>[N, 512]</c> from normalised images <c>[N, 3, H, W]</c>.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = maxpool.call(nn.functional.relu(bn1.call(conv1.call(input))));
        foreach (var layer in layers) x = layer.call(x);
        return avgpool.call(x).flatten(1).MoveToOuterDisposeScope();
    }

    /// <summary>Channels of each stage's output (64, 128, 256, 512).</summary>
    public static IReadOnlyList<int> StageWidths => Widths;

    /// <summary>Width of <see cref="PooledStages"/>'s output: every stage's average, then every stage's max (1,920).</summary>
    public static int PooledStagesDim => 2 * Widths.Sum();

    /// <summary>
    /// Every stage's output globally pooled, from normalised images <c>[N, 3, H, W]</c>: <c>[N, 1920]</c> holding the
    /// average pools of layer1..layer4 (64 + 128 + 256 + 512 columns), then their max pools in the same order. The
    /// layer4 average is exactly <see cref="forward"/>'s output.
    /// </summary>
    public Tensor PooledStages(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = maxpool.call(nn.functional.relu(bn1.call(conv1.call(input))));
        var avg = new List<Tensor>();
        var max = new List<Tensor>();
        foreach (var layer in layers)
        {
            x = layer.call(x);
            avg.Add(avgpool.call(x).flatten(1));
            max.Add(x.amax(new long[] { 2, 3 }));
        }
        return torch.cat(avg.Concat(max).ToArray(), 1).MoveToOuterDisposeScope();
    }

    private void InitializeWeights()
    {
        using var noGrad = torch.no_grad();
        foreach (var (_, module) in named_modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    nn.init.kaiming_normal_(conv.weight!, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
                    break;
                case BatchNorm2d bn:
                    nn.init.ones_(bn.weight!);
                    nn.init.zeros_(bn.bias!);
                    break;
            }
        }
    }
}
