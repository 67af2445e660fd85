namespace Repro.Data.Synthetic;

/// <summary>One image of the synthetic set: where it goes and what seeds it.</summary>
/// <param name="Split">train, val or test.</param>
/// <param name="SplitIndex">0 train, 1 val, 2 test.</param>
/// <param name="Label">Class label (<see cref="ClassLabels"/>).</param>
/// <param name="IndexInClass">Position among the images of its split and class.</param>
/// <param name="Patient">Synthetic patient number (ids <c>S_00001</c>…); a patient has up to two views.</param>
/// <param name="View">0 = CC, 1 = MLO.</param>
/// <param name="Left">True for the left breast (chest wall on the image's left side).</param>
/// <param name="RelativePath">Path in the MTH416 layout, e.g. <c>test/malignant/S_01234_LEFT_MLO.png</c>.</param>
internal sealed record SyntheticSample(string Split, int SplitIndex, int Label, int IndexInClass, int Patient, int View,
    bool Left, string RelativePath)
{
    /// <summary>The patient id, e.g. <c>S_00042</c> (what <see cref="SampleIds.FromFileName"/> returns for the file).</summary>
    public string Id => $"S_{Patient:D5}";
}
