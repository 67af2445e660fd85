namespace Repro.Models;

/// <summary>
/// The network the study trained for Q1 (the report's figure of 1,636,611 parameters): five blocks with
/// channels 3→32→64→128→256→512, global average pooling, Linear 512→128, ReLU, Dropout 0.5,
/// Linear 128→3.
/// </summary>
public sealed class CustomCnn : PlainCnn
{
    /// <summary>Trainable parameters of this architecture (pinned by a test).</summary>
    public const long ParameterCount = 1_636_611;

    /// <summary>Builds the network with He-initialised convolutions (seed first for a repeatable init).</summary>
    public CustomCnn() : base("CustomCnn", new[] { 32, 64, 128, 256, 512 }, hidden: 128) { }

    /// <inheritdoc />
    public override string Architecture => "custom-cnn";
}
