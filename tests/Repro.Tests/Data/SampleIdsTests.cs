using Repro.Data;

namespace Repro.Tests.Data;

public class SampleIdsTests
{
    [Theory]
    [InlineData("P_00001_LEFT_CC.jpg", "P_00001")]
    [InlineData("P_00160_RIGHT_MLO.jpg", "P_00160")]
    [InlineData("A_0003_1.LEFT_CC.jpg", "A_0003")]
    [InlineData("B_3607_1.RIGHT_MLO.jpg", "B_3607")]
    [InlineData("S_00042_LEFT_MLO.png", "S_00042")]
    [InlineData("test/benign/P_00160_RIGHT_CC.jpg", "P_00160")]
    [InlineData("P_00001.jpg", "P_00001")]
    [InlineData("scan-17.png", "scan-17")]
    [InlineData("image.final.jpg", "image.final")]
    [InlineData("PX_00001_LEFT_CC.jpg", "PX_00001_LEFT_CC")]
    [InlineData("P_12_LEFT.jpg", "P_12_LEFT")]
    public void Id_is_parsed_from_the_file_name(string fileName, string expected) =>
        Assert.Equal(expected, SampleIds.FromFileName(fileName));
}
