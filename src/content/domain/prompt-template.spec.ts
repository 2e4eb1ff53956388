import { makePrompt } from '../../../test/factories/content.factory';
import { TemplateVariableMissingError } from './content.errors';
import { normaliseVariableName, renderTemplate, templateVariables } from './prompt-template';

describe('prompt templates', () => {
  describe('templateVariables', () => {
    it('finds Persian variable names, with or without spaces inside the braces', () => {
      expect(templateVariables('یک متن برای {{نام_محصول}} با لحن {{ لحن }} و قیمت {{قیمت۱}} بنویس.')).toEqual([
        'نام_محصول',
        'لحن',
        'قیمت۱',
      ]);
    });

    it('lists each variable once, in order of first appearance', () => {
      expect(templateVariables('{{b}} {{a}} {{ b }} {{c}} {{a}}')).toEqual(['b', 'a', 'c']);
    });

    it('accepts Latin names, digits, underscores and the zero-width non-joiner', () => {
      expect(templateVariables('{{product_name}} {{item2}} {{نام‌کالا}}')).toEqual([
        'product_name',
        'item2',
        'نام‌کالا',
      ]);
    });

    it('treats names typed with Arabic ي and ك as the Persian ی and ک', () => {
      expect(templateVariables('{{كيفيت}} {{کیفیت}}')).toEqual(['کیفیت']);
      expect(normaliseVariableName(' يك ')).toBe('یک');
    });

    it('leaves things that are not placeholders alone', () => {
      expect(templateVariables('{{ }} {{a b}} {single} {{-x}} no braces')).toEqual([]);
    });

    it('finds none in a template without placeholders', () => {
      expect(templateVariables('یک متن ساده بنویس.')).toEqual([]);
    });
  });

  describe('renderTemplate', () => {
    it('fills every placeholder, spaced or not, with its value', () => {
      const rendered = renderTemplate('متنی برای {{نام_محصول}} با لحن {{ لحن }}؛ دوباره: {{نام_محصول}}', {
        نام_محصول: 'آوا ۵',
        لحن: 'صمیمی',
      });
      expect(rendered.text).toBe('متنی برای آوا ۵ با لحن صمیمی؛ دوباره: آوا ۵');
      expect(rendered.variables).toEqual({ نام_محصول: 'آوا ۵', لحن: 'صمیمی' });
    });

    it('names every missing variable with TEMPLATE_VARIABLE_MISSING, in template order', () => {
      const render = () => renderTemplate('{{نام_محصول}} {{لحن}} {{مخاطب}}', { لحن: 'رسمی' });
      expect(render).toThrow(TemplateVariableMissingError);
      expect(render).toThrow(
        expect.objectContaining({
          code: 'TEMPLATE_VARIABLE_MISSING',
          kind: 'invalid',
          details: { missing: ['نام_محصول', 'مخاطب'] },
        }),
      );
    });

    it('counts a blank value as missing', () => {
      expect(() => renderTemplate('{{لحن}}', { لحن: '  ' })).toThrow(
        expect.objectContaining({ details: { missing: ['لحن'] } }),
      );
    });

    it('ignores values for names the template does not use, and does not keep them', () => {
      expect(renderTemplate('سلام {{نام}}', { نام: 'مریم', اضافه: 'x' })).toEqual({
        text: 'سلام مریم',
        variables: { نام: 'مریم' },
      });
    });

    it('matches a value given with Arabic letters to the Persian name', () => {
      expect(renderTemplate('{{کیفیت}}', { كيفيت: 'عالی' }).text).toBe('عالی');
    });

    it('does not expand placeholders inside values', () => {
      expect(renderTemplate('{{a}} {{b}}', { a: '{{b}}', b: 'B' }).text).toBe('{{b}} B');
    });

    it('keeps $ sequences in values as they are', () => {
      expect(renderTemplate('قیمت: {{p}}', { p: "$& $1 $'" }).text).toBe("قیمت: $& $1 $'");
    });

    it('handles a variable named like an object property safely', () => {
      expect(
        renderTemplate(
          '{{__proto__}} {{constructor}}',
          JSON.parse('{"__proto__": "x", "constructor": "y"}') as Record<string, string>,
        ).text,
      ).toBe('x y');
    });

    it('renders a template without variables as it is', () => {
      expect(renderTemplate('یک متن ساده بنویس.', {})).toEqual({ text: 'یک متن ساده بنویس.', variables: {} });
    });
  });

  describe('Prompt', () => {
    it('lists its variables and renders with them', () => {
      const prompt = makePrompt({ template: 'معرفی {{نام_محصول}} برای {{ مخاطب }}' });
      expect(prompt.variables).toEqual(['نام_محصول', 'مخاطب']);
      expect(prompt.render({ نام_محصول: 'آوا', مخاطب: 'نوجوانان' }).text).toBe('معرفی آوا برای نوجوانان');
    });

    it('updates its variables when the template changes', () => {
      const prompt = makePrompt();
      prompt.revise({ template: 'فقط {{شهر}}' }, new Date());
      expect(prompt.variables).toEqual(['شهر']);
    });

    it('refuses a blank name, category or template', () => {
      expect(() => makePrompt({ category: ' ' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
      expect(() => makePrompt().revise({ template: '' }, new Date())).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    });
  });
});
