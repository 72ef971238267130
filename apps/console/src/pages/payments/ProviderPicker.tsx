import { useState } from 'react';
import { Button, Input, Label, Radio, RadioGroup, Text, TextField } from 'react-aria-components';
import { type Refusal, resultOf } from '../../api/refusal';
import { useSignedIn } from '../../app/session';
import { RefusalMessage } from '../../components/RefusalMessage';

export interface ChosenProvider {
  id: string;
  name: string;
}

/**
 * Finds a treatment provider by part of its name (the payments service's GET /providers?name=) and
 * chooses one: an invoice or an approval names its provider by id, which nobody types.
 */
export function ProviderPicker({ chosen, onChoose }: { chosen?: ChosenProvider; onChoose(p: ChosenProvider): void }) {
  const { api } = useSignedIn();
  const [name, setName] = useState('');
  const [found, setFound] = useState<ChosenProvider[]>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [pending, setPending] = useState(false);
  async function find() {
    setPending(true);
    setRefusal(undefined);
    const r = await resultOf(api.payments.GET('/providers', { params: { query: { name: name.trim() || undefined, limit: 20 } } }));
    setPending(false);
    if (!r.ok) return setRefusal(r.refusal);
    setFound(r.data.items.map((p) => ({ id: p.id, name: p.name })));
  }
  return (
    <div className="provider-picker">
      <div className="inline-form">
        <TextField
          className="field"
          value={name}
          onChange={setName}
          // Enter finds, as the button does.
          onKeyDown={(e) => {
            if (e.key === 'Enter') void find();
          }}
        >
          <Label>Provider&apos;s name</Label>
          <Input />
          <Text slot="description" className="hint">
            Part of it is enough.
          </Text>
        </TextField>
        <Button onPress={find} isPending={pending}>
          Find providers
        </Button>
      </div>
      {refusal && <RefusalMessage refusal={refusal} level={3} />}
      {found &&
        (found.length === 0 ? (
          <p className="empty">No provider by that name.</p>
        ) : (
          <RadioGroup className="field" value={chosen?.id ?? null} onChange={(id) => onChoose(found.find((p) => p.id === id)!)}>
            <Label>Provider</Label>
            {found.map((p) => (
              <Radio key={p.id} value={p.id}>
                {p.name}
              </Radio>
            ))}
          </RadioGroup>
        ))}
      {chosen && !found?.some((p) => p.id === chosen.id) && <p>Provider: {chosen.name}</p>}
    </div>
  );
}
