import { useRef, useState } from 'react';
import type { QuestionList } from '../../../../../common/questions';
import { Page } from '../../../app/Page';
import { useResource } from '../../../app/use-resource';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { LoadError, Loading } from '../../../ui/Loading';
import { Section } from '../../../ui/Section';
import { AddQuestion } from './AddQuestion';
import { QuestionItem } from './QuestionItem';
import { bankPath, situations } from './question-words';
import '../../../styles/questions.css';

const noFilters = { q: '', area: '', situation: '' };

/** `/questions`: the coaching question bank, to prepare a conversation or to coach yourself. */
export default function QuestionBankPage() {
  const [filters, setFilters] = useState(noFilters);
  const list = useResource<QuestionList>(bankPath(filters));
  // Keep the last answer on screen while a new search loads, so typing does not flicker.
  const last = useRef<QuestionList | undefined>(undefined);
  if (list.data) last.current = list.data;
  const data = list.data ?? last.current;
  const filtered = filters.q.trim() !== '' || filters.area !== '' || filters.situation !== '';

  return (
    <Page
      title="Question bank"
      lead="Open coaching questions for your next conversation, or to coach yourself. Search, filter by a skill or a situation, and add your own."
    >
      <Section title="Find a question">
        <form className="question-search" role="search" onSubmit={(e) => e.preventDefault()}>
          <Field
            label="Search questions"
            type="search"
            value={filters.q}
            onChange={(e) => setFilters({ ...filters, q: e.target.value })}
            hint="Words from the question, e.g. “stakeholder” or “feedback”."
          />
        </form>
        {data && (
          <>
            <TagGroup
              legend="Skill area"
              tags={data.areas.filter((a) => a.kind === 'area')}
              value={filters.area}
              onChange={(area) => setFilters({ ...filters, area })}
            />
            <TagGroup
              legend="Trait"
              tags={data.areas.filter((a) => a.kind === 'trait')}
              value={filters.area}
              onChange={(area) => setFilters({ ...filters, area })}
            />
            <TagGroup
              legend="Situation"
              tags={situations}
              value={filters.situation}
              onChange={(situation) => setFilters({ ...filters, situation })}
            />
          </>
        )}
        {filtered && (
          <p>
            <button type="button" className="button button-secondary" onClick={() => setFilters(noFilters)}>
              Clear search and filters
            </button>
          </p>
        )}
      </Section>

      <section className="card" aria-labelledby="question-results">
        <h2 id="question-results">Questions</h2>
        {list.error ? (
          <LoadError error={list.error} retry={list.reload} />
        ) : !data ? (
          <Loading />
        ) : (
          <>
            <p className="hint" aria-live="polite">
              {countWords(data.questions.length, filtered)}
            </p>
            {data.questions.length === 0 ? (
              <EmptyState>
                <p>
                  No question matches {filters.q.trim() ? `“${filters.q.trim()}”` : 'these filters'}
                  {filters.q.trim() && (filters.area || filters.situation) ? ' with these filters' : ''}.
                </p>
                <p>
                  Try fewer or other words, clear a filter, or add the question you were looking for below.
                </p>
              </EmptyState>
            ) : (
              <ul className="list question-list">
                {data.questions.map((q) => (
                  <QuestionItem key={q.id} question={q} areas={data.areas} onChanged={list.reload} />
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <AddQuestion
        areas={data?.areas ?? []}
        onAdded={() => {
          setFilters(noFilters);
          list.reload();
        }}
      />
    </Page>
  );
}

/** One filter as toggle buttons: pressing the chosen one again clears it. */
function TagGroup({
  legend,
  tags,
  value,
  onChange,
}: {
  legend: string;
  tags: { key: string; name: string }[];
  value: string;
  onChange: (key: string) => void;
}) {
  return (
    <fieldset className="tag-group">
      <legend>{legend}</legend>
      <div className="tag-buttons">
        {tags.map((t) => (
          <button
            key={t.key}
            type="button"
            className="tag-button"
            aria-pressed={value === t.key}
            onClick={() => onChange(value === t.key ? '' : t.key)}
          >
            {t.name}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

const countWords = (n: number, filtered: boolean) =>
  filtered
    ? n === 1
      ? '1 question matches'
      : `${n} questions match`
    : n === 1
      ? '1 question'
      : `${n} questions`;
