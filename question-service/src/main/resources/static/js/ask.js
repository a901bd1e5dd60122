// Progressive enhancement of the ask form: while the patient types the title, earlier answers to similar
// questions and a specialty suggestion. Without JavaScript, or when a lookup fails, the form works the same.
(function () {
    'use strict';
    var form = document.querySelector('form.ask');
    if (!form || !window.fetch) {
        return;
    }
    var title = form.querySelector('#title');
    var body = form.querySelector('#body');
    var specialty = form.querySelector('#specialty');
    var similar = document.getElementById('similar-answers');
    var similarList = similar.querySelector('ul');
    var suggestion = document.getElementById('specialty-suggestion');
    var asked = '';

    function debounce(action, ms) {
        var timer;
        return function () {
            clearTimeout(timer);
            timer = setTimeout(action, ms);
        };
    }

    function getJson(url) {
        return fetch(url, {headers: {Accept: 'application/json'}})
            .then(function (response) { return response.status === 200 ? response.json() : null; });
    }

    function showSimilar() {
        var q = title.value.trim();
        if (q === asked) {
            return;
        }
        asked = q;
        if (q.length < 5) {
            similar.hidden = true;
            return;
        }
        getJson(similar.dataset.url + '?q=' + encodeURIComponent(q)).then(function (items) {
            if (q !== asked) {
                return;                                     // the patient typed on: an older answer
            }
            similarList.replaceChildren();
            (items || []).forEach(function (item) {
                var entry = document.createElement('li');
                var link = document.createElement(item.url ? 'a' : 'strong');
                link.textContent = item.title;
                if (item.url) {
                    link.href = item.url;
                    link.target = '_blank';
                    link.rel = 'noopener';
                }
                entry.append(link);
                var about = [item.specialty, item.source].filter(Boolean).join(' · ');
                if (item.snippet || about) {
                    var text = document.createElement('p');
                    text.textContent = [item.snippet, about && '(' + about + ')'].filter(Boolean).join(' ');
                    entry.append(text);
                }
                similarList.append(entry);
            });
            similar.hidden = similarList.children.length === 0;
        }).catch(function () { similar.hidden = true; });
    }

    function suggestSpecialty() {
        var t = title.value.trim();
        if (t.length < 5 || specialty.value !== '') {
            suggestion.hidden = true;
            return;
        }
        var url = suggestion.dataset.url + '?title=' + encodeURIComponent(t)
            + '&body=' + encodeURIComponent(body.value.trim().slice(0, 500));
        getJson(url).then(function (suggested) {
            if (!suggested || specialty.value !== '') {
                suggestion.hidden = true;
                return;
            }
            var choose = document.createElement('button');
            choose.type = 'button';
            choose.className = 'link';
            choose.textContent = 'Choose ' + suggested.name;
            choose.addEventListener('click', function () {
                specialty.value = suggested.slug;
                suggestion.hidden = true;
                specialty.focus();
            });
            suggestion.replaceChildren(
                document.createTextNode('Questions like yours usually go to ' + suggested.name + '. '), choose);
            suggestion.hidden = false;
        }).catch(function () { suggestion.hidden = true; });
    }

    title.addEventListener('input', debounce(function () {
        showSimilar();
        suggestSpecialty();
    }, 600));
    body.addEventListener('input', debounce(suggestSpecialty, 1200));
    specialty.addEventListener('change', function () {
        if (specialty.value !== '') {
            suggestion.hidden = true;
        }
    });
}());
