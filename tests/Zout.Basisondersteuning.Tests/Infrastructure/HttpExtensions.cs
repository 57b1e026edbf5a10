using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

public static class HttpExtensions
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> HtmlAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IHtmlDocument> GetHtmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.HtmlAsync();
    }

    /// <summary>Reads the antiforgery token of the first form on a page.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string url)
    {
        var document = await client.GetHtmlAsync(url);
        var input = document.QuerySelector("input[name='__RequestVerificationToken']") as IHtmlInputElement;
        Assert.NotNull(input);
        return input.Value;
    }

    /// <summary>Posts a form the way a browser does: with the token taken from the page it is on.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string postUrl, IDictionary<string, string> fields)
    {
        var token = await client.AntiforgeryTokenAsync(pageUrl);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = PortalFactory.TestPassword) =>
        client.PostFormAsync("/account/inloggen", "/account/inloggen", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public static async Task<HttpClient> LoggedInClientAsync(this PortalFactory factory, string email, string password = PortalFactory.TestPassword)
    {
        _ = factory.World;
        var client = factory.CreatePortalClient();
        var response = await client.LoginAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login of {email} failed: {response.StatusCode}");
        return client;
    }

    public static string? Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    public static IReadOnlyList<string> TestIds(this IHtmlDocument document, string testId, string attribute) =>
        document.QuerySelectorAll($"[data-testid='{testId}']").Select(e => e.GetAttribute(attribute) ?? "").ToList();
}
