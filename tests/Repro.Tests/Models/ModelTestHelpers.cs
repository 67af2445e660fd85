using Repro.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Repro.Tests.Models;

/// <summary>Small helpers shared by the model tests.</summary>
internal static class ModelTestHelpers
{
    public static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "Repro.Tests", "Models", "Fixtures", name);

    /// <summary>Name → CPU float copy of every state-dict entry.</summary>
    public static Dictionary<string, float[]> Snapshot(nn.Module module) =>
        module.state_dict()
            .Where(kv => kv.Value.dtype == ScalarType.Float32)
            .ToDictionary(kv => kv.Key, kv => kv.Value.detach().cpu().data<float>().ToArray());

    public static float MaxAbsDiff(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        float max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }

    public static TransferModel UntrainedTransfer(string backbone) =>
        (TransferModel)ModelFactory.Create(new ModelSpec(ModelSpec.Transfer, backbone), CPU, loadWeights: false);
}
