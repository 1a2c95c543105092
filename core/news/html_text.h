#pragma once
// HTML fragments (feed descriptions, article bodies) to plain text. Pure functions on UTF-8,
// never throw, linear time, robust to broken markup: an unterminated tag or comment at the end is
// dropped, a '<' that starts no tag ("a < b") is text, unknown entities stay as written.
//
// Rules: tags removed; the contents of <script>, <style>, <head>, <template> and comments dropped;
// <br> and the ends of <li>, <tr>, <dt>, <dd> become line breaks; block elements (p, div, h1-h6,
// ul, ol, table, blockquote, pre, section, article, hr, ...) become paragraph breaks (one blank
// line); <td>/<th> are separated by a space; entities decoded (&amp; &lt; &gt; &quot; &apos;
// &nbsp; and the other common named ones, &#NNN; and &#xHH; with invalid code points as U+FFFD);
// runs of blanks collapse to one space, lines are trimmed, blank lines collapse to one, and the
// text is trimmed.

#include <string>
#include <string_view>

namespace marketlens::core {

std::string htmlToText(std::string_view html);

// Decodes character references only (no tag handling); unknown ones stay as written.
std::string decodeHtmlEntities(std::string_view text);

// Whether `text` is evidently HTML: a closing tag or <br>/<p>/<img> of a common element, or a
// character reference such as &amp; or &#8217;. Text like "Computer Terminal <CPML>" (Reuters'
// ticker notation) is not.
bool looksLikeHtml(std::string_view text);

// Appends the UTF-8 encoding of `codePoint` (U+FFFD for surrogates and values beyond U+10FFFF).
void appendUtf8(std::string& out, char32_t codePoint);

} // namespace marketlens::core
