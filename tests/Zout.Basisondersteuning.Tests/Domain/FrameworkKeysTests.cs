using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Domain;

public sealed class FrameworkKeysTests
{
    [Theory]
    [InlineData("Taal en lezen (inclusief dyslexie)", "taal-en-lezen-inclusief-dyslexie")]
    [InlineData("Sociaal-emotionele ontwikkeling & gedrag", "sociaal-emotionele-ontwikkeling-gedrag")]
    [InlineData("Geëvalueerd én geborgd", "geevalueerd-en-geborgd")]
    [InlineData("  Jonge kind  ", "jonge-kind")]
    [InlineData("???", "item")]
    [InlineData("", "item")]
    public void Slug_MakesAValidKeyFromAName(string name, string expected)
    {
        var slug = FrameworkKeys.Slug(name);
        Assert.Equal(expected, slug);
        Assert.True(FrameworkRules.IsValidKey(slug));
    }

    [Fact]
    public void Slug_OfALongText_IsCutAtAWordBoundary()
    {
        var slug = FrameworkKeys.Slug("De school heeft een protocol dyslexie en ons team handelt hiernaar.");
        Assert.Equal("de-school-heeft-een-protocol-dyslexie-en", slug);
        Assert.True(slug.Length <= FrameworkKeys.SlugLength);
    }

    [Fact]
    public void NewKey_IsUniqueAndTaken()
    {
        var taken = new HashSet<string> { "rekenen", "rekenen-2" };
        Assert.Equal("rekenen-3", FrameworkKeys.NewKey("Rekenen", taken));
        Assert.Equal("taal", FrameworkKeys.NewKey("Taal", taken));
        Assert.Contains("rekenen-3", taken);
        Assert.Equal("taal-2", FrameworkKeys.NewKey("Taal", taken));
    }
}
