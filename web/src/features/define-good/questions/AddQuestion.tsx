import { useState, type FormEvent } from 'react';
import type { Question, QuestionList, QuestionVisibility } from '../../../../../common/questions';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { Section } from '../../../ui/Section';
import { Select } from '../../../ui/Select';
import { TextArea } from '../../../ui/TextArea';
import { useAction } from '../../../ui/use-action';
import { situations } from './question-words';
import { VisibilityChoice } from './VisibilityChoice';

/** Adds a question of your own to the bank, kept to yourself or offered to the workspace. */
export function AddQuestion({ areas, onAdded }: { areas: QuestionList['areas']; onAdded: () => void }) {
  const [text, setText] = useState('');
  const [area, setArea] = useState('');
  const [situation, setSituation] = useState('');
  const [visibility, setVisibility] = useState<QuestionVisibility>('private');
  const announce = useAnnounce();
  const add = useAction((body: unknown) => api<Question>('POST', '/api/questions', body), {
    text: 'The question',
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await add.run({
      text,
      areas: area ? [area] : [],
      situations: situation ? [situation] : [],
      visibility,
    });
    if (!saved) return;
    setText('');
    setArea('');
    setSituation('');
    announce(
      visibility === 'workspace'
        ? 'Question added and shared with your workspace. It is at the top of the list.'
        : 'Question added. Only you see it; it is at the top of the list.',
    );
    onAdded();
  };
  return (
    <Section
      title="Add your own question"
      intro="A question that works for you. Keep it to yourself, or offer it to everyone in your workspace; you can change or delete it later."
    >
      <form className="form" onSubmit={submit} noValidate>
        <TextArea label="Your question" value={text} onChange={(e) => setText(e.target.value)} rows={2} />
        <div className="question-add-tags">
          <Select
            label="Skill area or trait (optional)"
            value={area}
            onChange={(e) => setArea(e.target.value)}
          >
            <option value="">Any area</option>
            <optgroup label="Skill areas">
              {areas
                .filter((a) => a.kind === 'area')
                .map((a) => (
                  <option key={a.key} value={a.key}>
                    {a.name}
                  </option>
                ))}
            </optgroup>
            <optgroup label="Traits">
              {areas
                .filter((a) => a.kind === 'trait')
                .map((a) => (
                  <option key={a.key} value={a.key}>
                    {a.name}
                  </option>
                ))}
            </optgroup>
          </Select>
          <Select
            label="Situation (optional)"
            value={situation}
            onChange={(e) => setSituation(e.target.value)}
          >
            <option value="">Any situation</option>
            {situations.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </Select>
        </div>
        <VisibilityChoice value={visibility} onChange={setVisibility} />
        <FormError message={add.error} />
        <Button type="submit" pending={add.pending} pendingLabel="Adding…">
          Add question
        </Button>
      </form>
    </Section>
  );
}
