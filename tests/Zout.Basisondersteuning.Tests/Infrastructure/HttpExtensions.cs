using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>What the tests do the way a browser does: read pages, post forms with their token, upload files, log in.</summary>
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

    /// <summary>The fields a browser sends for a form: inputs (checked ones of checkboxes and radios), selects, textareas.</summary>
    public static Dictionary<string, string> FormFields(this IElement form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "radio" or "checkbox" } box:
                    if (box.IsChecked) fields[name] = box.Value;
                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "file" }:
                    break;
                case IHtmlInputElement input:
                    fields[name] = input.Value;
                    break;
                case IHtmlSelectElement select:
                    // As a browser: the chosen option, or else the first.
                    fields[name] = (select.SelectedOptions.Length > 0 ? select.SelectedOptions[0] : select.Options.Length > 0 ? select.Options[0] : null)?.Value ?? "";
                    break;
                case IHtmlTextAreaElement textarea:
                    fields[name] = textarea.Value;
                    break;
            }
        }

        return fields;
    }

    /// <summary>Submits the form of a page that matches <paramref name="selector"/>, with every field as the page has it after <paramref name="change"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IParentNode page, string selector, Action<Dictionary<string, string>>? change = null)
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {selector} on the page.");
        var fields = form.FormFields();
        change?.Invoke(fields);
        return client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    /// <summary>Submits a form with some fields changed.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IParentNode page, string selector, IDictionary<string, string> changes) =>
        client.SubmitAsync(page, selector, fields =>
        {
            foreach (var (name, value) in changes) fields[name] = value;
        });

    /// <summary>The value of a form field as the page shows it: an input's value, a select's chosen option, a textarea's text.</summary>
    public static string? Value(this IParentNode page, string selector) => page.QuerySelector(selector) switch
    {
        IHtmlSelectElement select => select.SelectedOptions.Length > 0 ? select.SelectedOptions[0].Value : null,
        IHtmlTextAreaElement textarea => textarea.Value,
        IHtmlInputElement input => input.Value,
        _ => null,
    };

    /// <summary>Uploads one file with a page's form: the page's token, the file under <paramref name="field"/>.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string pageUrl, string postUrl, string field, string fileName, string contentType, byte[] content)
    {
        var token = await client.AntiforgeryTokenAsync(pageUrl);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return await client.PostAsync(postUrl, form);
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = PortalFactory.TestPassword) =>
        client.PostFormAsync("/account/inloggen", "/account/inloggen", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public static async Task<HttpClient> LoggedInClientAsync(this PortalFactory factory, string email, string password = PortalFactory.TestPassword)
    {
        var client = factory.CreatePortalClient();
        var response = await client.LoginAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login of {email} failed: {response.StatusCode}");
        return client;
    }

    public static Task<HttpClient> LoggedInClientAsync(this PortalFactory factory, TestUser user) => factory.LoggedInClientAsync(user.Email);

    public static string? Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    public static IReadOnlyList<string> TestIds(this IHtmlDocument document, string testId, string attribute) =>
        document.QuerySelectorAll($"[data-testid='{testId}']").Select(e => e.GetAttribute(attribute) ?? "").ToList();
}
