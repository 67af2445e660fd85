using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// One augmentation or preprocessing step on a whole batch, on the batch's device: float32
/// <c>[B,C,H,W]</c> in, a new tensor of the same shape out. Random parameters are drawn per sample
/// from the given generator (a CPU generator, so that one seed gives the same batches on CPU
/// and on CUDA), then moved to the batch's device.
/// </summary>
public interface IBatchTransform
{
    /// <summary>Applies the step.</summary>
    Tensor Apply(Tensor batch, Generator generator);
}
