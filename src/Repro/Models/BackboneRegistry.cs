namespace Repro.Models;

/// <summary>
/// The backbones a transfer model can use, with the input normalisation each one's weights expect.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>resnet18</c> — torchvision's architecture (<c>[2,2,2,2]</c>, 11,176,512 parameters).
/// Weights from a user's PyTorch checkpoint (torchvision's <c>resnet18-f37072fd.pth</c>, or any
/// state_dict with torchvision names, <c>.pth</c> zip format or <c>.safetensors</c>); without one
/// it stays at random init and carries a loud warning.</item>
/// <item><c>resnet18-imagenet</c> — the ImageNet-trained network shipped as ONNX in the NuGet package
/// <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.23.1: BasicBlock stages <c>[2,2,2,3]</c>
/// (15,897,152 parameters), converted once and cached (<see cref="OnnxResNetWeights"/>).</item>
/// </list>
/// </remarks>
public static class BackboneRegistry
{
    /// <summary>The default pretrained backbone.</summary>
    public const string DefaultName = "resnet18-imagenet";

    /// <summary>
    /// The ONNX network's input, as a per-channel normalisation of RGB pixels in [0,1]: it was trained on
    /// 0–255 BGR minus a per-pixel mean image, with no std. The mean image's channel means
    /// (R 123.1516, G 115.9029, B 103.0626; measured from <c>ResNetPreprocess.onnx</c>) over 255 are the
    /// mean and 1/255 the std, so <c>(x − mean)/std = 255·x − channel mean</c>. The per-pixel image
    /// deviates from its channel mean by up to 6.4 (R), 10.3 (G), 12.7 (B) grey levels; see the docs for
    /// the effect on the features.
    /// </summary>
    public static InputNormalization OnnxImageNet { get; } = new(
        3,
        new[] { 123.1516307762691 / 255, 115.90288236463556 / 255, 103.06262401521815 / 255 },
        new[] { 1.0 / 255, 1.0 / 255, 1.0 / 255 });

    private static readonly BackboneInfo[] Entries =
    {
        new("resnet18", new[] { 2, 2, 2, 2 }, 512, InputNormalization.ImageNet,
            ResNetBackbone.CountParameters(new[] { 2, 2, 2, 2 }),
            "torchvision ResNet18 [2,2,2,2]; weights from a PyTorch checkpoint (--weights), else random init"),
        new(DefaultName, new[] { 2, 2, 2, 3 }, 512, OnnxImageNet,
            ResNetBackbone.CountParameters(new[] { 2, 2, 2, 3 }),
            "ResNet18 [2,2,2,3] with ImageNet weights from the ML.NET NuGet ONNX (Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1)"),
    };

    /// <summary>Every registered backbone.</summary>
    public static IReadOnlyList<BackboneInfo> All => Entries;

    /// <summary>The entry named <paramref name="name"/>; an unknown name lists the known ones.</summary>
    public static BackboneInfo Get(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown backbone '{name}'; known backbones: {string.Join(", ", Entries.Select(e => e.Name))}", nameof(name));

    /// <summary>
    /// The backbone <paramref name="name"/> with its weights: from <paramref name="weightsPath"/> when
    /// given (PyTorch state_dict or safetensors with torchvision names; a file that does not fit is an
    /// <see cref="InvalidDataException"/> naming the mismatching keys), else the entry's default —
    /// the converted ImageNet ONNX for <c>resnet18-imagenet</c>, random init with a warning for
    /// <c>resnet18</c>. Random init uses the default generator: seed first.
    /// </summary>
    public static LoadedBackbone Load(string name, string? weightsPath = null)
    {
        var info = Get(name);
        var module = new ResNetBackbone(info.Stages);
        try
        {
            if (weightsPath is not null)
            {
                var notes = ResNetCheckpoint.Load(module, weightsPath, info.Name);
                return new LoadedBackbone(module, info, FileSource(weightsPath), notes);
            }
            if (info.Name == DefaultName)
            {
                var notes = new List<string>();
                string source = OnnxResNetWeights.LoadInto(module, notes);
                return new LoadedBackbone(module, info, source, notes);
            }
            return new LoadedBackbone(module, info, "random init", new[]
            {
                $"WARNING: backbone '{info.Name}' has RANDOM weights (no --weights FILE given): this is not transfer learning. " +
                $"Pass a torchvision checkpoint (resnet18-f37072fd.pth) with --weights, or use --backbone {DefaultName} for ImageNet weights.",
            });
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    // Where file weights came from, without the machine's path: the file's name and content hash.
    private static string FileSource(string path)
    {
        using var stream = File.OpenRead(path);
        return $"{Path.GetFileName(path)} (sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream))[..12]}…)";
    }

    /// <summary>The architecture of <paramref name="name"/> at random init, with no warning (for counting parameters).</summary>
    public static LoadedBackbone CreateUntrained(string name)
    {
        var info = Get(name);
        return new LoadedBackbone(new ResNetBackbone(info.Stages), info, "random init", Array.Empty<string>());
    }
}
