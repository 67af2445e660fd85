using Repro.Models;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;
namespace Repro.Tests.Models;
public class ZzManualTorchCheck
{
    [Fact]
    public void Manual()
    {
        TestRuntime.Init();
        var loaded = BackboneRegistry.Load("resnet18", "/tmp/resnet18-torch.pth");
        var sd = loaded.Module.state_dict();
        File.WriteAllLines("/tmp/manual-check.txt", new[] {
            string.Join(" | ", loaded.Warnings),
            sd["layer3.1.bn2.running_var"].data<float>().Take(3).Select(v => v.ToString("R")).Aggregate((a, b) => a + "," + b),
            sd["layer2.0.downsample.0.weight"].flatten().data<float>().Take(3).Select(v => v.ToString("R")).Aggregate((a, b) => a + "," + b),
            sd["bn1.num_batches_tracked"].item<long>().ToString(),
        });
        loaded.Module.save_py("/tmp/from-csharp.pth");
    }
}
