using System.Net;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Tokens;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

public sealed record PdfFacts(IReadOnlyList<string> Pages, bool IsTagged, bool HasStructTree, IReadOnlyList<string> Bookmarks, double FirstPageWidth, double FirstPageHeight)
{
    public string Text => string.Join("\n", Pages);
}

/// <summary>Downloading a PDF, and what it holds (PdfPig).</summary>
public static partial class Pdfs
{
    public static async Task<byte[]> GetPdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>
    /// The text of every page as blocks in reading order, whitespace as single spaces: a column of a multi-column page (the
    /// A3 poster) reads as one block, where <see cref="PdfFacts.Text"/> runs line by line across the columns.
    /// </summary>
    public static IReadOnlyList<string> TextBlocks(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var blocks = new List<string>();
        foreach (var page in document.GetPages())
        {
            var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters);
            var found = DocstrumBoundingBoxes.Instance.GetBlocks(words);
            blocks.AddRange(UnsupervisedReadingOrderDetector.Instance.Get(found).Select(b => Whitespace().Replace(b.Text, " ").Trim()));
        }

        return blocks;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static PdfFacts Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        var first = document.GetPage(1);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var marked = false;
        if (catalog.TryGet(NameToken.Create("MarkInfo"), out var markInfoToken))
        {
            var markInfo = markInfoToken switch
            {
                DictionaryToken d => d,
                IndirectReferenceToken r => document.Structure.GetObject(r.Data).Data as DictionaryToken,
                _ => null,
            };
            marked = markInfo is not null && markInfo.TryGet(NameToken.Create("Marked"), out var m) && m is BooleanToken { Data: true };
        }

        var bookmarks = document.TryGetBookmarks(out var tree)
            ? tree.GetNodes().Select(n => n.Title).ToList()
            : [];
        return new PdfFacts(pages, marked, catalog.ContainsKey(NameToken.Create("StructTreeRoot")), bookmarks, first.Width, first.Height);
    }
}
