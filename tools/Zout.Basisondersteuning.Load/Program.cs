using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

// Plays virtual users against a running portal on the national dataset (generate-national) and reports requests,
// errors and p50/p95/p99 per kind of request. Modes:
//   save  --users 8 --duration 10: school users each saving their own school's section, its version always current
//         (every save is real, not a conflict); reports the save latency and checks no save was lost.
//   mixed --users 200 --duration 600: school users open and save sections (and now and then download their concept
//         SOP as PDF: a fresh render, since they saved), board users open dashboards, anonymous users open the public
//         school list, school pages and public SOPs (page and PDF), and two users (the admin and one board user) ask
//         for bulk ZIPs one after another, so two bulk jobs run while the single documents are asked for.
// Options: --base http://127.0.0.1:5080 --year 2026-2027 --section domein-basiskwaliteit --think-ms 1000
//          --level-every N (every Nth save of a user also moves a level, so the scan's summary is rebuilt; 0: never)
//          --codes 000100,... (schools with an editable scan) --published 000100,... (schools with a published SOP)
//          --pdf-every 100 (a school user asks for its concept SOP once in so many rounds; 0: never)
//          --bulk-pause 20 (seconds a bulk user waits after a ZIP before asking for the next)
//          --warm-up 0 (seconds the users play first without being measured; errors and lost saves still count)
var options = Options.Parse(args);
// The warm-up plays the same users unmeasured first, in this process: the portal's and this tool's code is compiled again
// by the JIT (tiered compilation) in the first minute, which would otherwise be part of the figures.
var stats = new Stats(Stopwatch.GetTimestamp() + (long)(options.WarmUp * (double)Stopwatch.Frequency));
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmUp + options.Duration));
var users = new List<Task>();
var schoolUsers = options.Mode == "save" ? options.Users : (int)(options.Users * 0.6);
var boardUsers = options.Mode == "save" ? 0 : (int)(options.Users * 0.2);
var bulkUsers = options.Mode == "save" ? 0 : 2;
var anonymous = options.Mode == "save" ? 0 : options.Users - schoolUsers - boardUsers - bulkUsers;
var lastSaved = new ConcurrentDictionary<string, string>();

Console.Error.WriteLine($"{options.Mode}: {schoolUsers} school users, {boardUsers} board users, {anonymous} anonymous, {bulkUsers} bulk users, {options.Duration} s (after {options.WarmUp} s unmeasured) against {options.Base}");
for (var i = 0; i < schoolUsers; i++)
{
    // Saves need an editable scan: the school codes with a concept scan this year come from the caller (--codes).
    var code = options.Codes.Count > 0 ? options.Codes[i % options.Codes.Count] : SchoolCode(i);
    users.Add(Task.Run(() => SchoolUserAsync(code, stop.Token)));
}

for (var i = 0; i < boardUsers; i++)
{
    var board = 1 + (i % 150);
    users.Add(Task.Run(() => BoardUserAsync(board, stop.Token)));
}

for (var i = 0; i < anonymous; i++) users.Add(Task.Run(() => AnonymousAsync(stop.Token)));
if (bulkUsers > 0)
{
    users.Add(Task.Run(() => BulkUserAsync("beheerder@landelijk.example", "bulk (admin)", stop.Token)));
    users.Add(Task.Run(() => BulkUserAsync("bestuur150@landelijk.example", "bulk (board)", stop.Token)));
}

await Task.WhenAll(users);

// Every save answered with success must be in the database: the section page shows the last text each user saved.
var lost = 0;
foreach (var (code, text) in lastSaved)
{
    using var client = Client(out _);
    await LoginAsync(client, $"ib-{code}@landelijk.example", CancellationToken.None);
    var page = await client.GetStringAsync(SectionUrl(code));
    if (page.Contains(text, StringComparison.Ordinal)) continue;
    if (++lost <= 5)
    {
        var shown = System.Text.RegularExpressions.Regex.Match(page, @"Lastest [0-9]+ [0-9]+ [0-9]+\.?").Value;
        Console.WriteLine($"Lost save of {code}: expected \"{text}\", the section shows \"{shown}\"");
    }
}

stats.Print(lost, lastSaved.Count);
return stats.Errors == 0 && lost == 0 ? 0 : 1;

async Task SchoolUserAsync(string code, CancellationToken cancellationToken)
{
    using var client = Client(out _);
    if (!await LoginAsync(client, $"ib-{code}@landelijk.example", cancellationToken)) return;
    var url = SectionUrl(code);
    var n = 0;
    // Each user asks for its concept SOP in its own round of every PdfEvery: the users start together, and the same round
    // for all of them made 120 renders arrive within a second, which no real school does (issue 14's load test).
    var pdfRound = options.PdfEvery > 0 ? Random.Shared.Next(options.PdfEvery) : 0;
    // This tool shares the machine's two cores with the portal, so it parses as little as it can. After a save that
    // succeeded, the form holds what this user just posted (nobody else saves this school's section), so the next save
    // posts the same fields again with the version and token of the page after the save (read from its text). The whole
    // page is parsed only when that is not known: at the start and after anything else.
    IHtmlDocument? page = null;
    IHtmlFormElement? form = null;
    List<KeyValuePair<string, string>>? fields = null;
    string? textarea = null;
    while (!cancellationToken.IsCancellationRequested)
    {
        if (fields is null)
        {
            if (page is null)
            {
                var (html, ok) = await GetAsync(client, "section GET", url, cancellationToken);
                if (!ok || html is null) continue;
                page = Parse(html);
            }

            form = page.QuerySelector("form[data-testid='section-form']") as IHtmlFormElement;
            page = null;
            if (form is null)
            {
                stats.Error("section GET", "no form");
                continue;
            }

            fields = Fields(form);
            textarea = form.QuerySelector("textarea")?.GetAttribute("name");
        }

        // The full stop ends the text: "... 1" is a prefix of "... 12", "... 1." is not.
        var text = $"Lastest {code} {Environment.ProcessId} {++n}.";
        if (textarea is not null) Set(fields, textarea, text);
        // Now and then a level moves too: such a save changes what the dashboards show (the scan's summary is rebuilt).
        if (options.LevelEvery > 0 && n % options.LevelEvery == 0) MoveALevel(form!, fields);
        var posted = fields;
        fields = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            // A save that has started is never broken off at the end of the run: its answer decides what must be stored.
            using var response = await client.PostAsync(url, new FormUrlEncodedContent(posted), CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode == HttpStatusCode.Redirect && !location.StartsWith(url, StringComparison.Ordinal))
            {
                // Not the section again (Post-Redirect-Get): a log-in or an error page is no save.
                stats.Error("section save", $"redirect to {location.Split('?')[0]}");
            }
            else if (response.StatusCode == HttpStatusCode.Redirect)
            {
                // As a browser does: the section again, whose message says whether it was saved (a refused save,
                // e.g. a closed scan window, also comes back to the section, with the reason).
                var (html, ok) = await GetAsync(client, "section GET", location, CancellationToken.None);
                var flash = html is null ? "" : Flash(html);
                var version = html is null ? null : FormValue(html, "Input.Version");
                var token = html is null ? null : FormValue(html, "__RequestVerificationToken");
                if (flash.EndsWith("is opgeslagen.", StringComparison.Ordinal) && version is not null && token is not null)
                {
                    stats.Add("section save", elapsed);
                    if (textarea is not null) lastSaved[code] = text;
                    fields = posted;
                    Set(fields, "Input.Version", version);
                    Set(fields, "__RequestVerificationToken", token);
                }
                else if (ok)
                {
                    page = html is null ? null : Parse(html);
                    stats.Error("section save", $"not saved: \"{flash}\"");
                }
            }
            else
            {
                stats.Error("section save", $"HTTP {(int)response.StatusCode}");
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            stats.Error("section save", exception.GetType().Name);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await ThinkAsync(cancellationToken);
        if (options.PdfEvery > 0 && n % options.PdfEvery == pdfRound)
        {
            // The concept SOP after a save: a fresh render (its data changed), while the bulk jobs run.
            await GetAsync(client, "concept SOP PDF (fresh)", $"/school/{code}/documenten/{options.Year}/sop.pdf", cancellationToken, readBody: false);
            await ThinkAsync(cancellationToken);
        }
    }
}

async Task BoardUserAsync(int board, CancellationToken cancellationToken)
{
    using var client = Client(out _);
    if (!await LoginAsync(client, $"bestuur{board}@landelijk.example", cancellationToken)) return;
    while (!cancellationToken.IsCancellationRequested)
    {
        await GetAsync(client, "board dashboard", $"/bestuur/{board}/dashboard?jaar={options.Year}", cancellationToken, readBody: false);
        await ThinkAsync(cancellationToken);
    }
}

async Task AnonymousAsync(CancellationToken cancellationToken)
{
    using var client = Client(out _);
    while (!cancellationToken.IsCancellationRequested)
    {
        var pageNumber = Random.Shared.Next(1, 61);
        await GetAsync(client, "public school list", $"/scholen?pagina={pageNumber}", cancellationToken, readBody: false);
        await ThinkAsync(cancellationToken);
        var code = SchoolCode(Random.Shared.Next(0, 3000));
        await GetAsync(client, "public school page", $"/scholen/{code}", cancellationToken, readBody: false);
        await ThinkAsync(cancellationToken);
        if (options.Published.Count == 0) continue;
        // A parent follows the school's link to its SOP, reads the page and opens the PDF.
        var published = options.Published[Random.Shared.Next(options.Published.Count)];
        await GetAsync(client, "public SOP page", $"/sop/{published}", cancellationToken, readBody: false);
        await ThinkAsync(cancellationToken);
        await GetAsync(client, "public SOP PDF", $"/sop/{published}.pdf", cancellationToken, readBody: false);
        await ThinkAsync(cancellationToken);
    }
}

async Task BulkUserAsync(string email, string kind, CancellationToken cancellationToken)
{
    using var client = Client(out _);
    if (!await LoginAsync(client, email, cancellationToken)) return;
    while (!cancellationToken.IsCancellationRequested)
    {
        try
        {
            var (page, ok) = await GetAsync(client, $"{kind} form", "/documenten/bulk", cancellationToken);
            if (!ok || page is null) continue;
            var token = Parse(page).QuerySelector("form[data-testid='bulk-form'] input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("Input.Jaar", options.Year), new("Input.Document", "scanrapport") };
            // Twenty of the schools the form offers this user (all 3,000 for the admin, the board's own for a board user).
            var offered = Parse(page).QuerySelectorAll("input[name='Input.Scholen']").Select(i => i.GetAttribute("value")!).ToList();
            var first = Random.Shared.Next(0, Math.Max(1, offered.Count - 20));
            foreach (var school in offered.Skip(first).Take(20)) fields.Add(new("Input.Scholen", school));
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/documenten/bulk", new FormUrlEncodedContent(fields), cancellationToken);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                stats.Error($"{kind} start", $"HTTP {(int)response.StatusCode}");
                await ThinkAsync(cancellationToken);
                continue;
            }

            stats.Add($"{kind} start", Stopwatch.GetElapsedTime(started));
            var job = response.Headers.Location!.OriginalString;
            while (!cancellationToken.IsCancellationRequested)
            {
                var (status, fine) = await GetAsync(client, $"{kind} progress", job, cancellationToken);
                if (fine && status is not null && status.Contains("data-status=\"Done\"", StringComparison.Ordinal))
                {
                    await GetAsync(client, $"{kind} ZIP", job + "/zip", cancellationToken, readBody: false);
                    stats.Add($"{kind} job (start to ZIP)", Stopwatch.GetElapsedTime(started));
                    // Someone who downloads all reports at once does not do it again at once.
                    await Task.Delay(TimeSpan.FromSeconds(options.BulkPauseSeconds), cancellationToken);
                    break;
                }

                if (fine && status is not null && status.Contains("data-status=\"Failed\"", StringComparison.Ordinal))
                {
                    stats.Error($"{kind} job (start to ZIP)", "failed");
                    break;
                }

                await Task.Delay(2000, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
    }
}

// A page whose text is not read (a dashboard, a PDF, a ZIP) is still received whole, but not decoded into a string: a
// 300 kB board dashboard decoded 37 times a second cost this tool CPU (and large allocations) on the portal's two cores.
async Task<(string? Body, bool Ok)> GetAsync(HttpClient client, string kind, string url, CancellationToken cancellationToken, bool readBody = true)
{
    var started = Stopwatch.GetTimestamp();
    try
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        string? body = null;
        if (readBody)
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        else
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            await stream.CopyToAsync(Stream.Null, cancellationToken);
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            stats.Error(kind, $"HTTP {(int)response.StatusCode}");
            return (null, false);
        }

        stats.Add(kind, Stopwatch.GetElapsedTime(started));
        return (body, true);
    }
    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
    {
        return (null, false);
    }
    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
    {
        stats.Error(kind, exception.GetType().Name);
        return (null, false);
    }
}

async Task<bool> LoginAsync(HttpClient client, string email, CancellationToken cancellationToken)
{
    try
    {
        var page = await client.GetStringAsync("/account/inloggen", cancellationToken);
        var token = Parse(page).QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";
        using var response = await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(
        [
            new("Email", email), new("Password", options.Password), new("__RequestVerificationToken", token),
        ]), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Redirect) return true;
        stats.Error("log-in", $"HTTP {(int)response.StatusCode} for {email}");
        return false;
    }
    catch (OperationCanceledException)
    {
        return false;
    }
}

HttpClient Client(out CookieContainer cookies)
{
    cookies = new CookieContainer();
    var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true };
    return new HttpClient(handler) { BaseAddress = new Uri(options.Base), Timeout = TimeSpan.FromSeconds(60) };
}

// generate-national numbers its schools 000100, 000200, ... 300000.
static string SchoolCode(int index) => ((index + 1) * 100).ToString("000000", CultureInfo.InvariantCulture);

string SectionUrl(string code) => $"/school/{code}/scan/{options.Year}/sectie/{options.Section}";

Task ThinkAsync(CancellationToken cancellationToken) =>
    options.ThinkMs <= 0 ? Task.CompletedTask : Task.Delay(Random.Shared.Next(options.ThinkMs / 2, options.ThinkMs * 3 / 2 + 1), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

// The message at the top of a page (the layout's one element with data-testid="flash"), as text.
static string Flash(string html)
{
    var match = Patterns.Flash.Match(html);
    return match.Success ? WebUtility.HtmlDecode(Patterns.Tag.Replace(match.Groups[1].Value, "")).Trim() : "";
}

// The value of the first input with this name (the section form comes before any other form with the same field).
static string? FormValue(string html, string name)
{
    var match = System.Text.RegularExpressions.Regex.Match(html, $"<input[^>]*name=\"{System.Text.RegularExpressions.Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
    return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
}

static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
{
    fields.RemoveAll(f => f.Key == name);
    fields.Add(new(name, value));
}

// The first level of the form (a radio group named "...Level") set to another of its values.
static void MoveALevel(IHtmlFormElement form, List<KeyValuePair<string, string>> fields)
{
    var group = form.Elements.OfType<IHtmlInputElement>()
        .Where(i => i.Type == "radio" && i.Name is { } name && name.EndsWith(".Level", StringComparison.Ordinal))
        .GroupBy(i => i.Name!)
        .FirstOrDefault();
    if (group is null) return;
    // Another value than the one about to be posted (the form may be older than the last save, see SchoolUserAsync).
    var current = fields.FirstOrDefault(f => f.Key == group.Key).Value;
    var other = group.FirstOrDefault(i => !string.IsNullOrEmpty(i.Value) && i.Value != current);
    if (other is null) return;
    Set(fields, group.Key, other.Value);
}

static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
{
    var fields = new List<KeyValuePair<string, string>>();
    foreach (var element in form.Elements)
    {
        switch (element)
        {
            case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                if (input.Type is "checkbox" or "radio" && !input.IsChecked) break;
                if (input.Type is "submit" or "button" or "file") break;
                fields.Add(new(input.Name!, input.Value));
                break;
            case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                if (selected is not null) fields.Add(new(select.Name!, selected.Value));
                break;
            case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                fields.Add(new(area.Name!, area.Value));
                break;
        }
    }

    return fields;
}

internal sealed record Options(string Mode, string Base, int Users, int Duration, string Year, string Section, string Password, int ThinkMs, IReadOnlyList<string> Codes, IReadOnlyList<string> Published, int PdfEvery, int BulkPauseSeconds, int LevelEvery, int WarmUp)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var today = DateTime.Today;
        var start = today.Month >= 8 ? today.Year : today.Year - 1;
        var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "mixed";
        return new Options(
            mode,
            Value("--base") ?? "http://127.0.0.1:5080",
            int.Parse(Value("--users") ?? (mode == "save" ? "8" : "200"), CultureInfo.InvariantCulture),
            int.Parse(Value("--duration") ?? (mode == "save" ? "10" : "600"), CultureInfo.InvariantCulture),
            Value("--year") ?? $"{start}-{start + 1}",
            Value("--section") ?? "domein-basiskwaliteit",
            Value("--password") ?? "Benchmark-wachtwoord-1",
            int.Parse(Value("--think-ms") ?? (mode == "save" ? "0" : "1000"), CultureInfo.InvariantCulture),
            (Value("--codes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            (Value("--published") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            int.Parse(Value("--pdf-every") ?? (mode == "save" ? "0" : "100"), CultureInfo.InvariantCulture),
            int.Parse(Value("--bulk-pause") ?? "20", CultureInfo.InvariantCulture),
            int.Parse(Value("--level-every") ?? "0", CultureInfo.InvariantCulture),
            int.Parse(Value("--warm-up") ?? "0", CultureInfo.InvariantCulture));
    }
}

internal static class Patterns
{
    public static readonly System.Text.RegularExpressions.Regex Flash = new("data-testid=\"flash\"[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.Compiled);
    public static readonly System.Text.RegularExpressions.Regex Tag = new("<[^>]+>", System.Text.RegularExpressions.RegexOptions.Compiled);
}

/// <summary>Latencies of the requests that started at or after <paramref name="measureFrom"/> (a <see cref="Stopwatch"/> timestamp); every error.</summary>
internal sealed class Stats(long measureFrom)
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _times = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _reasons = new(StringComparer.Ordinal);

    public int Errors => _errors.Values.Sum();

    public void Add(string kind, TimeSpan elapsed)
    {
        if (Stopwatch.GetTimestamp() - (long)(elapsed.TotalSeconds * Stopwatch.Frequency) < measureFrom) return;
        _times.GetOrAdd(kind, _ => []).Add(elapsed.TotalMilliseconds);
    }

    public void Error(string kind, string reason)
    {
        _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
        _reasons.AddOrUpdate($"{kind}: {reason}", 1, (_, n) => n + 1);
    }

    public void Print(int lost, int checkedSaves)
    {
        var seconds = Stopwatch.GetElapsedTime(measureFrom).TotalSeconds;
        Console.WriteLine("| kind | requests | per second | errors | p50 | p95 | p99 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in _times.Keys.Union(_errors.Keys).Order(StringComparer.Ordinal))
        {
            var times = _times.TryGetValue(kind, out var bag) ? bag.Order().ToArray() : [];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {times.Length} | {times.Length / seconds:0.0} | {_errors.GetValueOrDefault(kind)} | {P(times, 0.50):0.0} ms | {P(times, 0.95):0.0} ms | {P(times, 0.99):0.0} ms |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Lost saves: {lost} (checked the last successful save of {checkedSaves} schools). Errors: {Errors}."));
        foreach (var (reason, count) in _reasons.OrderByDescending(r => r.Value).Take(10)) Console.WriteLine($"  {count} x {reason}");
    }

    private static double P(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
