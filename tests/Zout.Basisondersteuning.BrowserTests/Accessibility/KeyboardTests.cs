using System.Text.Json;
using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>A scan section with the keyboard only: every field reachable, focus visible, errors announced and linked.</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string Section = Demo.ScanPath(Demo.SchoolCode) + "/sectie/domein-ondersteuningsstructuur";

    /// <summary>What the focused element is and whether its focus can be seen (an outline or a box shadow).</summary>
    private const string FocusedElement = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
          const shadow = s.boxShadow && s.boxShadow !== 'none';
          return {
            tag: e.tagName.toLowerCase(), type: e.getAttribute('type') || '', name: e.getAttribute('name') || '',
            id: e.id || '', testid: e.getAttribute('data-testid') || '', text: (e.innerText || '').trim().slice(0, 60),
            inForm: !!e.closest("[data-testid=section-form]"), visible: outline || shadow
          };
        }
        """;

    private sealed class Focused
    {
        public string Tag { get; set; } = "";
        public string Type { get; set; } = "";
        public string Name { get; set; } = "";
        public string Id { get; set; } = "";
        public string Testid { get; set; } = "";
        public string Text { get; set; } = "";
        public bool InForm { get; set; }
        public bool Visible { get; set; }
    }

    // The directeur is a school user of 12AB00 too; a person of its own keeps the personal drafts apart from the other tests.
    [Fact]
    public Task SectionForm_TabReachesEveryFieldAndTheSaveButton_WithVisibleFocus() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync(Section);
            var fields = await page.Locator("[data-testid=section-form] :is(input:not([type=hidden]), select, textarea, button)")
                .EvaluateAllAsync<JsonElement>("els => els.map(e => ({ type: e.type, name: e.name }))");
            var expectedNames = fields.EnumerateArray().Select(f => f.GetProperty("name").GetString() ?? "").Where(n => n.Length > 0).ToHashSet();
            Assert.NotEmpty(expectedNames);

            var reached = new List<Focused>();
            for (var i = 0; i < 400; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focused = await page.EvaluateAsync<Focused?>(FocusedElement);
                if (focused is null) continue;
                reached.Add(focused);
                Assert.True(focused.Visible, $"No visible focus on {focused.Tag} {focused.Name}{focused.Id} \"{focused.Text}\"");
                if (focused.Testid == "save-section") break;
            }

            Assert.Equal("Direct naar de inhoud", reached[0].Text);
            Assert.Contains(reached, f => f.Testid == "save-section");
            // One stop per radio group (arrow keys move within it), every other field on its own.
            var missing = expectedNames.Except(reached.Where(f => f.InForm).Select(f => f.Name)).ToList();
            Assert.True(missing.Count == 0, "Not reachable with Tab: " + string.Join(", ", missing));
        }, user: Demo.Director);

    [Fact]
    public Task SectionForm_BadSaveWithTheKeyboard_AnnouncesTheErrorsAndLinksThemToTheFields() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync(Section);
            var cell = page.GetByTestId("cell").First;
            var firstRadio = cell.Locator("input[type=radio]").First;
            var groupName = await firstRadio.GetAttributeAsync("name");

            // Tab to the first aspect's level and choose "1" with the arrow keys: a low level needs an explanation.
            await TabUntilAsync(page, $"document.activeElement.name === '{groupName}'");
            for (var i = 0; i < 6 && await cell.Locator("input[type=radio][value='1']").IsCheckedAsync() is false; i++)
            {
                await page.Keyboard.PressAsync("ArrowUp");
            }

            await Expect(cell.Locator("input[type=radio][value='1']")).ToBeCheckedAsync();
            // Then on to the explanation: empty it.
            await TabUntilAsync(page, "document.activeElement.tagName === 'TEXTAREA'");
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.PressAsync("Delete");
            await TabUntilAsync(page, "document.activeElement.dataset.testid === 'save-section'");
            await page.Keyboard.PressAsync("Enter");

            var summary = page.GetByTestId("error-summary");
            await Expect(summary).ToBeVisibleAsync();
            await Expect(summary).ToHaveAttributeAsync("role", "alert");
            await Expect(summary).ToBeFocusedAsync();

            var targets = await summary.Locator("a[href^='#']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href').slice(1))");
            Assert.NotEmpty(targets);
            foreach (var id in targets)
            {
                var field = page.Locator($"[id='{id}']");
                await Expect(field).ToHaveCountAsync(1);
                // The field (or its group) points at its message.
                var describedBy = await field.GetAttributeAsync("aria-describedby");
                Assert.False(string.IsNullOrEmpty(describedBy), $"#{id} has no aria-describedby to its error message");
                var messages = await page.Locator(string.Join(", ", describedBy!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => $"[id='{d}']"))).AllInnerTextsAsync();
                Assert.Contains(messages, m => m.Length > 0);
            }

            // Following the first link with the keyboard moves focus to that field.
            await summary.Locator("a").First.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var focusedId = await page.EvaluateAsync<string>("() => document.activeElement.id");
            Assert.Equal(targets[0], focusedId);

            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Director, bypassCsp: true);

    private static async Task TabUntilAsync(IPage page, string condition)
    {
        for (var i = 0; i < 200; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => {condition}")) return;
        }

        Assert.Fail("Tab never reached: " + condition);
    }
}
